package org.lernstadt.participation.contribution.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.lernstadt.participation.contribution.domain.ItemStatus;

/** A comment in a thread; {@code parentId} is {@code null} for a comment on the contribution. */
public record CommentView(
    UUID id,
    UUID contributionId,
    UUID parentId,
    int depth,
    String text,
    String stance,
    String displayName,
    ItemStatus status,
    String statusReason,
    OffsetDateTime createdAt) {}

package org.lernstadt.participation.moderation.mapping;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.lernstadt.participation.contribution.domain.ItemKind;
import org.lernstadt.participation.contribution.domain.ItemStatus;

/**
 * An item waiting for a moderator: reported since the last decision, pending (hidden after reports,
 * or anonymous), or appealed. {@code reasons} counts its reports by reason.
 */
public record QueueItem(
    ItemKind itemKind,
    UUID itemId,
    UUID dialogueId,
    UUID contributionId,
    String text,
    ItemStatus status,
    String statusReason,
    int openReports,
    Map<String, Integer> reasons,
    boolean appealed,
    String appeal,
    OffsetDateTime createdAt) {}

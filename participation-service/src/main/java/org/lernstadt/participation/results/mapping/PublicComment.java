package org.lernstadt.participation.results.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A public comment in the open-data export. */
public record PublicComment(
    UUID id,
    UUID contributionId,
    UUID parentId,
    int depth,
    String stance,
    String text,
    OffsetDateTime createdAt) {}

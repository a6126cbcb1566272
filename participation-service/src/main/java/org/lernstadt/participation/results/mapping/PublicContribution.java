package org.lernstadt.participation.results.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A public contribution in the open-data export and on the map: no display name, no author. */
public record PublicContribution(
    UUID id,
    UUID dialogueId,
    String category,
    String district,
    Double lat,
    Double lon,
    String placeRef,
    String text,
    int ratingCount,
    double ratingScore,
    int commentCount,
    OffsetDateTime createdAt) {}

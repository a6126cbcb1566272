package org.lernstadt.counseling.casework.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A case in the centre's list. */
public record CaseSummary(
    UUID id,
    UUID centreId,
    String counsellor,
    String transition,
    String stage,
    String status,
    String district,
    String ageBand,
    OffsetDateTime openedAt,
    String name) {}

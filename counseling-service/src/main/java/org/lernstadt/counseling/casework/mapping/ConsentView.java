package org.lernstadt.counseling.casework.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record ConsentView(
    UUID id,
    String purpose,
    String legalBasis,
    List<String> sharedFields,
    OffsetDateTime grantedAt,
    String grantedBy,
    OffsetDateTime withdrawnAt,
    String withdrawnBy) {}

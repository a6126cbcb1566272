package org.lernstadt.counseling.casework.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record BiographyView(
    UUID id,
    String kind,
    LocalDate occurredOn,
    String content,
    String recordedBy,
    OffsetDateTime recordedAt) {}

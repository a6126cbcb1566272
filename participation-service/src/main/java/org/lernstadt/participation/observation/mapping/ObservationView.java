package org.lernstadt.participation.observation.mapping;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** An observation; accepted ones are open data (no observer in them). */
public record ObservationView(
    UUID id,
    UUID projectId,
    String district,
    double lat,
    double lon,
    OffsetDateTime observedAt,
    String photoRef,
    Map<String, Object> values,
    String status,
    String reviewReason,
    OffsetDateTime createdAt) {}

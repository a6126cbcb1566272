package org.lernstadt.counseling.casework.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A session; {@code feedbackToken} only in the answer that recorded it (one-time link). */
public record SessionView(
    UUID id,
    OffsetDateTime heldAt,
    String format,
    int durationMinutes,
    List<String> topics,
    String note,
    String recordedBy,
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String feedbackToken) {}

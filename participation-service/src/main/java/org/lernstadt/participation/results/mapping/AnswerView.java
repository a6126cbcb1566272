package org.lernstadt.participation.results.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The city's answer to a category of a dialogue or to one contribution (exactly one of {@code
 * category} and {@code contributionId} is set), with its status and progress in percent.
 */
public record AnswerView(
    UUID id,
    UUID dialogueId,
    String category,
    UUID contributionId,
    String status,
    int progress,
    String text,
    OffsetDateTime updatedAt) {}

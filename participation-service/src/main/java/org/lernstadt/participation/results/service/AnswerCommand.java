package org.lernstadt.participation.results.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The city's answer: status, progress in percent, and the text citizens read. */
public record AnswerCommand(
    @NotNull @Pattern(
            regexp = "UNDER_CONSIDERATION|ACCEPTED|REJECTED|IMPLEMENTED",
            message = "must be UNDER_CONSIDERATION, ACCEPTED, REJECTED or IMPLEMENTED")
        String status,
    @NotNull @Min(0) @Max(100) Integer progress,
    @NotNull @Size(max = 20000) String text) {}

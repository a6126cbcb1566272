package org.lernstadt.monitoring.analysis.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A goal of the city: the target value of an indicator in an area and year, with its guideline. */
public record TargetCommand(
    @NotBlank @Size(max = 40) String area,
    @Min(1900) @Max(2200) int year,
    @NotNull BigDecimal target,
    @Size(max = 500) String guideline) {}

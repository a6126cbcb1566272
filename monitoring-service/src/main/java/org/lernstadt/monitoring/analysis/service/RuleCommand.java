package org.lernstadt.monitoring.analysis.service;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.lernstadt.monitoring.analysis.domain.Importance;
import org.lernstadt.monitoring.analysis.domain.MissingStrategy;
import org.lernstadt.monitoring.analysis.domain.RuleKind;

/**
 * A rule as analysts write it; {@code area} empty for every area, {@code periods} for FALLING and
 * RISING (default 1), {@code threshold} for the others (a percentage for DEVIATION_FROM_CITY).
 */
public record RuleCommand(
    @Size(max = 40) String area,
    @NotNull RuleKind kind,
    // Bounded: 1e400 would be a valid BigDecimal, but compared as a double it is Infinity.
    @DecimalMin("-1e12") @DecimalMax("1e12") BigDecimal threshold,
    @Min(1) @Max(20) Integer periods,
    @NotNull Importance importance,
    MissingStrategy missing) {}

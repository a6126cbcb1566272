package org.lernstadt.monitoring.value.mapping;

import java.math.BigDecimal;
import org.lernstadt.monitoring.value.domain.Confidentiality;

/**
 * A data value as published: value, numerator and denominator are {@code null} when the cell is
 * suppressed for the reader; {@code confidentiality} says why.
 */
public record ValueView(
    String area,
    String period,
    String dimension,
    String category,
    BigDecimal value,
    BigDecimal numerator,
    BigDecimal denominator,
    Confidentiality confidentiality,
    String origin,
    String flagged,
    BigDecimal target,
    BigDecimal distanceToTarget) {}

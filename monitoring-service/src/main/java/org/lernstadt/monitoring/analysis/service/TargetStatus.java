package org.lernstadt.monitoring.analysis.service;

import java.math.BigDecimal;

/**
 * A target with where it stands: ACHIEVED / NOT_ACHIEVED once the year has a value; before, the
 * trend's forecast for the year decides ON_TRACK / OFF_TRACK; NO_DATA without values.
 */
public record TargetStatus(
    String indicator,
    String indicatorName,
    String area,
    int year,
    BigDecimal target,
    String guideline,
    Double value,
    String valuePeriod,
    Double distance,
    String status) {}

package org.lernstadt.monitoring.analysis.service;

import java.util.List;
import org.lernstadt.monitoring.analysis.domain.Trend;

/**
 * An area's series of an indicator with its trend: consecutive periods from the first to the last
 * value, {@code null} where a value is missing or suppressed for the reader.
 */
public record SeriesView(
    String indicator,
    String area,
    List<String> periods,
    List<Double> values,
    Trend trend,
    List<String> forecastPeriods) {}

package org.lernstadt.monitoring.value.service;

import java.time.LocalDate;

/**
 * What a values request asks for.
 *
 * @param area one area, or {@code null} for all
 * @param history with {@code area}: also the units it descends from (split or merged districts)
 * @param from first period id, inclusive
 * @param to last period id, inclusive
 * @param period a relative period ({@code LAST_5_YEARS}) instead of from/to
 * @param referenceDate the day a relative period is resolved against (default today)
 * @param dimension only this disaggregation ({@code total} for the totals only)
 * @param category only this category of the dimension
 */
public record ValueFilter(
    String area,
    boolean history,
    String from,
    String to,
    String period,
    LocalDate referenceDate,
    String dimension,
    String category) {

  public static ValueFilter all() {
    return new ValueFilter(null, false, null, null, null, null, null, null);
  }
}

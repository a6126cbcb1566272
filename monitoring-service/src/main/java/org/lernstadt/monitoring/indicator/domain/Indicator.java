package org.lernstadt.monitoring.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An indicator definition in DHIS2's manner: value = numerator / denominator × factor, where the
 * denominator is either a counted data element or the population of an age band.
 *
 * @param denominatorPopulation the age band ({@code TOTAL} for all) whose inhabitants divide, or
 *     {@code null} when the denominator is counted with the numerator
 * @param computation for source EVENTS the built-in computation, for SURVEY the question code and
 *     optionally {@code =option}
 * @param disaggregations the dimensions a value may be broken down by (e.g. {@code topic})
 * @param minCellSize numerators from 1 to below this are suppressed in public output
 */
public record Indicator(
    String code,
    String name,
    String description,
    TopicArea topicArea,
    String unit,
    Polarity polarity,
    String numerator,
    String denominator,
    BigDecimal factor,
    String denominatorPopulation,
    PeriodType periodType,
    Source source,
    String sourceName,
    String computation,
    List<String> disaggregations,
    int minCellSize,
    int decimals) {

  /** numerator / denominator × factor, or {@code null} when the denominator is 0 or unknown. */
  public BigDecimal value(BigDecimal numerator, BigDecimal denominator) {
    if (numerator == null || denominator == null || denominator.signum() == 0) {
      return null;
    }
    return numerator.multiply(factor).divide(denominator, decimals, RoundingMode.HALF_UP);
  }

  /** Counts and sums: a denominator of 1 and no population. */
  public boolean isCount() {
    return denominatorPopulation == null && "1".equals(denominator);
  }
}

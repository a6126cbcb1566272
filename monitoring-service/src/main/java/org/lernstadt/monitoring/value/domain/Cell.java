package org.lernstadt.monitoring.value.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stored data value: one indicator's numerator, denominator and value for an area, period and
 * category ({@code dimension} and {@code category} are empty for the area's total).
 */
public record Cell(
    String area,
    String period,
    LocalDate periodStart,
    String dimension,
    String category,
    BigDecimal numerator,
    BigDecimal denominator,
    BigDecimal value,
    String origin,
    String flagged) {

  public boolean isTotal() {
    return dimension.isEmpty();
  }

  /** Whether the other cell has the same numerator, denominator and value. */
  public boolean sameNumbers(Cell other) {
    return other != null
        && equal(numerator, other.numerator)
        && equal(denominator, other.denominator)
        && equal(value, other.value);
  }

  private static boolean equal(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /** Identifies the cell within one indicator. */
  public Key key() {
    return new Key(area, period, dimension, category);
  }

  public record Key(String area, String period, String dimension, String category) {}
}

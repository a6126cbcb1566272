package org.lernstadt.monitoring.analysis.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.monitoring.indicator.domain.Polarity;

/**
 * An early-warning rule on an indicator's totals in one area (or every area when {@code area} is
 * null).
 *
 * <ul>
 *   <li>BELOW / ABOVE: the latest value is below / above {@code threshold};
 *   <li>FALLING / RISING: the value fell / rose in each of the last {@code periods} periods;
 *   <li>DEVIATION_FROM_CITY: the latest value lies more than {@code threshold} percent from the
 *       city's value on the unfavourable side (either side for a neutral indicator).
 * </ul>
 */
public record Rule(
    UUID id,
    String indicator,
    String area,
    RuleKind kind,
    BigDecimal threshold,
    int periods,
    Importance importance,
    MissingStrategy missing) {

  /** How many consecutive values, ending with the latest, the rule looks at. */
  public int window() {
    return kind == RuleKind.FALLING || kind == RuleKind.RISING ? periods + 1 : 1;
  }

  /**
   * Whether the rule holds, with a sentence saying why; empty when it does not hold, {@code null}
   * when the missing-value strategy says not to decide (the alert state stays as it is).
   *
   * @param window the last {@link #window()} values, oldest first, {@code null} where missing
   * @param city the city's latest value, for DEVIATION_FROM_CITY
   */
  public Optional<String> check(List<Double> window, Double city, Polarity polarity) {
    long missing = window.stream().filter(v -> v == null).count();
    if (missing > 0
        && (this.missing == MissingStrategy.SKIP_IF_ANY_MISSING
            || (this.missing == MissingStrategy.SKIP_IF_ALL_MISSING && missing == window.size()))) {
      return null;
    }
    List<Double> present = new ArrayList<>(window.stream().filter(v -> v != null).toList());
    if (present.isEmpty()) {
      return Optional.empty();
    }
    double latest = window.getLast() == null ? Double.NaN : window.getLast();
    return switch (kind) {
      case BELOW ->
          latest < threshold.doubleValue()
              ? Optional.of("value " + round(latest) + " is below " + threshold.toPlainString())
              : Optional.empty();
      case ABOVE ->
          latest > threshold.doubleValue()
              ? Optional.of("value " + round(latest) + " is above " + threshold.toPlainString())
              : Optional.empty();
      case FALLING -> monotone(present, -1);
      case RISING -> monotone(present, 1);
      case DEVIATION_FROM_CITY -> deviation(latest, city, polarity);
    };
  }

  private Optional<String> monotone(List<Double> values, int direction) {
    if (values.size() < 2) {
      return Optional.empty();
    }
    for (int i = 1; i < values.size(); i++) {
      if (Math.signum(values.get(i) - values.get(i - 1)) != direction) {
        return Optional.empty();
      }
    }
    return Optional.of(
        (direction < 0 ? "fell" : "rose")
            + " in each of the last "
            + (values.size() - 1)
            + " periods, from "
            + round(values.getFirst())
            + " to "
            + round(values.getLast()));
  }

  private Optional<String> deviation(double latest, Double city, Polarity polarity) {
    if (Double.isNaN(latest) || city == null || city == 0) {
      return Optional.empty();
    }
    double percent = 100 * (latest - city) / Math.abs(city);
    boolean unfavourable =
        switch (polarity) {
          case HIGHER_IS_BETTER -> percent < -threshold.doubleValue();
          case LOWER_IS_BETTER -> percent > threshold.doubleValue();
          case NEUTRAL -> Math.abs(percent) > threshold.doubleValue();
        };
    return unfavourable
        ? Optional.of(
            "value "
                + round(latest)
                + " lies "
                + round(Math.abs(percent))
                + "% "
                + (percent < 0 ? "below" : "above")
                + " the city's "
                + round(city))
        : Optional.empty();
  }

  private static String round(double v) {
    return BigDecimal.valueOf(v)
        .setScale(2, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}

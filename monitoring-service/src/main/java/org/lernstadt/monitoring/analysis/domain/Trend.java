package org.lernstadt.monitoring.analysis.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Change over the previous period, an ordinary least-squares line over the series (x = period
 * index, gaps kept), its fit (R²) and a forecast along the line. A series is flagged weak when it
 * has fewer than {@value #MIN_POINTS} values, a gap, or a fit below {@value #MIN_FIT}: its line
 * says little.
 */
public record Trend(
    int points,
    Double change,
    Double changePercent,
    Double slope,
    Double intercept,
    Double r2,
    List<Double> forecast,
    boolean weak,
    List<String> weakReasons) {

  static final int MIN_POINTS = 5;
  static final double MIN_FIT = 0.5;

  /**
   * @param values the series in period order, {@code null} where a value is missing or hidden
   * @param horizon how many periods after the last to forecast
   */
  public static Trend of(List<Double> values, int horizon) {
    List<String> reasons = new ArrayList<>();
    int n = 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    for (int x = 0; x < values.size(); x++) {
      Double y = values.get(x);
      if (y == null) {
        continue;
      }
      n++;
      sx += x;
      sy += y;
      sxx += (double) x * x;
      sxy += x * y;
      syy += y * y;
    }
    if (n < values.size()) {
      reasons.add("missing or suppressed values");
    }
    if (n < MIN_POINTS) {
      reasons.add("fewer than " + MIN_POINTS + " values");
    }
    Double change = null;
    Double changePercent = null;
    int last = values.size() - 1;
    if (last >= 1 && values.get(last) != null && values.get(last - 1) != null) {
      change = values.get(last) - values.get(last - 1);
      changePercent =
          values.get(last - 1) == 0 ? null : 100.0 * change / Math.abs(values.get(last - 1));
    }
    if (n < 2 || n * sxx - sx * sx == 0) {
      return new Trend(n, change, changePercent, null, null, null, List.of(), true, reasons);
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double intercept = (sy - slope * sx) / n;
    double total = syy - sy * sy / n;
    double residual = 0;
    for (int x = 0; x < values.size(); x++) {
      Double y = values.get(x);
      if (y != null) {
        double e = y - (intercept + slope * x);
        residual += e * e;
      }
    }
    double r2 = total == 0 ? 1.0 : 1 - residual / total;
    if (r2 < MIN_FIT) {
      reasons.add("poor linear fit (R² " + Math.round(r2 * 100) / 100.0 + ")");
    }
    List<Double> forecast = new ArrayList<>();
    for (int h = 1; h <= horizon; h++) {
      forecast.add(intercept + slope * (values.size() - 1 + h));
    }
    return new Trend(
        n, change, changePercent, slope, intercept, r2, forecast, !reasons.isEmpty(), reasons);
  }
}

package org.lernstadt.monitoring.analysis.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Outliers of a series by the z-score (distance from the mean in standard deviations) and by the
 * median-based modified z-score (Iglewicz and Hoaglin: 0.6745 × distance from the median / median
 * absolute deviation), which one extreme value cannot mask.
 */
public final class Outliers {

  private Outliers() {}

  /** One value's scores; {@code null} where a score is undefined (no spread). */
  public record Score(int index, double value, Double z, Double modifiedZ, boolean outlier) {}

  public static List<Score> score(
      List<Double> values, double zThreshold, double modifiedThreshold) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    int n = v.length;
    double mean = Arrays.stream(v).average().orElse(0);
    double sd =
        n < 2 ? 0 : Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (n - 1));
    double median = median(v);
    double mad = median(Arrays.stream(v).map(x -> Math.abs(x - median)).toArray());
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Double z = sd == 0 ? null : (v[i] - mean) / sd;
      Double m = mad == 0 ? null : 0.6745 * (v[i] - median) / mad;
      boolean outlier =
          (z != null && Math.abs(z) > zThreshold) || (m != null && Math.abs(m) > modifiedThreshold);
      scores.add(new Score(i, v[i], z, m, outlier));
    }
    return scores;
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}

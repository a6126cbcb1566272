package org.lernstadt.monitoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.monitoring.analysis.domain.Importance;
import org.lernstadt.monitoring.analysis.domain.MissingStrategy;
import org.lernstadt.monitoring.analysis.domain.Outliers;
import org.lernstadt.monitoring.analysis.domain.Rule;
import org.lernstadt.monitoring.analysis.domain.RuleKind;
import org.lernstadt.monitoring.analysis.domain.Trend;
import org.lernstadt.monitoring.indicator.domain.Polarity;

/** Trend, outlier and rule arithmetic, checked against values worked out by hand. */
class AnalysisDomainTest {

  @Test
  void linearTrendHasTheHandComputedSlopeFitAndForecast() {
    // y = 10, 12, 14, 16, 18: slope 2, intercept 10, perfect fit, next 20 and 22
    Trend t = Trend.of(List.of(10.0, 12.0, 14.0, 16.0, 18.0), 2);
    assertEquals(2.0, t.slope(), 1e-9);
    assertEquals(10.0, t.intercept(), 1e-9);
    assertEquals(1.0, t.r2(), 1e-9);
    assertEquals(List.of(20.0, 22.0), t.forecast());
    assertEquals(2.0, t.change(), 1e-9);
    assertEquals(12.5, t.changePercent(), 1e-9);
    assertFalse(t.weak());

    // y = 1, 3, 2, 4: slope 0.8, intercept 1.3, R² = 0.64
    Trend noisy = Trend.of(List.of(1.0, 3.0, 2.0, 4.0), 0);
    assertEquals(0.8, noisy.slope(), 1e-9);
    assertEquals(1.3, noisy.intercept(), 1e-9);
    assertEquals(0.64, noisy.r2(), 1e-9);
    assertTrue(noisy.weak(), "four values are a weak series");
  }

  @Test
  void aGapOrAPoorFitMakesTheSeriesWeak() {
    assertTrue(Trend.of(Arrays.asList(1.0, null, 3.0, 4.0, 5.0, 6.0), 1).weak());
    Trend zigzag = Trend.of(List.of(1.0, 5.0, 1.0, 5.0, 1.0, 5.0), 1);
    assertTrue(zigzag.weak());
    assertTrue(zigzag.weakReasons().getFirst().startsWith("poor linear fit"));
  }

  @Test
  void outliersByZScoreAndByTheMedianBasedScore() {
    // 10, 11, 9, 10, 30: mean 14, sd sqrt(322 / 4) = 8.972 -> z(30) = 16 / 8.972 = 1.783 < 3;
    // median 10, MAD 1 -> modified z(30) = 0.6745 * 20 = 13.49 > 3.5
    List<Outliers.Score> scores = Outliers.score(List.of(10.0, 11.0, 9.0, 10.0, 30.0), 3, 3.5);
    Outliers.Score extreme = scores.get(4);
    assertEquals(1.783, extreme.z(), 1e-3);
    assertEquals(13.49, extreme.modifiedZ(), 1e-2);
    assertTrue(extreme.outlier());
    assertFalse(scores.get(0).outlier());
    assertNull(
        Outliers.score(List.of(5.0, 5.0, 5.0), 3, 3.5).getFirst().z(), "no spread, no score");
  }

  @Test
  void rulesHoldAsDefinedAndRespectTheMissingValueStrategy() {
    Rule falling = rule(RuleKind.FALLING, null, 2, MissingStrategy.SKIP_IF_ANY_MISSING);
    assertEquals(3, falling.window());
    assertTrue(
        falling.check(List.of(50.0, 45.0, 40.0), null, Polarity.HIGHER_IS_BETTER).isPresent());
    assertTrue(falling.check(List.of(50.0, 55.0, 40.0), null, Polarity.HIGHER_IS_BETTER).isEmpty());
    assertNull(falling.check(Arrays.asList(50.0, null, 40.0), null, Polarity.HIGHER_IS_BETTER));
    Rule never = rule(RuleKind.FALLING, null, 2, MissingStrategy.NEVER_SKIP);
    assertTrue(
        never.check(Arrays.asList(50.0, null, 40.0), null, Polarity.HIGHER_IS_BETTER).isPresent());

    Rule below =
        rule(RuleKind.BELOW, BigDecimal.valueOf(30), 1, MissingStrategy.SKIP_IF_ALL_MISSING);
    assertTrue(below.check(List.of(29.9), null, Polarity.HIGHER_IS_BETTER).isPresent());
    assertTrue(below.check(List.of(30.0), null, Polarity.HIGHER_IS_BETTER).isEmpty());

    Rule deviation =
        rule(RuleKind.DEVIATION_FROM_CITY, BigDecimal.TEN, 1, MissingStrategy.SKIP_IF_ANY_MISSING);
    // 44 is 12% below 50: unfavourable when higher is better, fine when lower is better
    assertTrue(deviation.check(List.of(44.0), 50.0, Polarity.HIGHER_IS_BETTER).isPresent());
    assertTrue(deviation.check(List.of(44.0), 50.0, Polarity.LOWER_IS_BETTER).isEmpty());
    assertTrue(deviation.check(List.of(46.0), 50.0, Polarity.NEUTRAL).isEmpty());
  }

  private static Rule rule(
      RuleKind kind, BigDecimal threshold, int periods, MissingStrategy missing) {
    return new Rule(
        UUID.randomUUID(), "X", "a", kind, threshold, periods, Importance.HIGH, missing);
  }
}

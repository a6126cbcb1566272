package org.lernstadt.monitoring.analysis.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.lernstadt.monitoring.analysis.domain.Outliers;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.indicator.service.IndicatorService;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.repository.ValueRepository;

/**
 * Data quality: scores every area's series of an indicator (imported or computed) for outliers and
 * flags them for follow-up; a value no longer an outlier loses its flag.
 */
@ApplicationScoped
public class QualityService {

  /** A value flagged for follow-up. */
  public record Flagged(String area, String period, double value, Double z, Double modifiedZ) {}

  @Inject IndicatorService indicators;
  @Inject ValueRepository values;

  @WithTransaction
  public Uni<List<Flagged>> check(String code, double zThreshold, double modifiedThreshold) {
    List<Flagged> flagged = new ArrayList<>();
    return indicators
        .require(code)
        .chain(() -> values.areasOf(code))
        .chain(
            areas ->
                Steps.each(
                    areas,
                    area ->
                        values
                            .series(code, area)
                            .chain(
                                series -> {
                                  List<Cell> known =
                                      series.stream().filter(c -> c.value() != null).toList();
                                  List<Outliers.Score> scores =
                                      Outliers.score(
                                          known.stream().map(c -> c.value().doubleValue()).toList(),
                                          zThreshold,
                                          modifiedThreshold);
                                  return Steps.each(
                                      scores,
                                      s -> {
                                        Cell c = known.get(s.index());
                                        if (s.outlier()) {
                                          flagged.add(
                                              new Flagged(
                                                  area,
                                                  c.period(),
                                                  s.value(),
                                                  s.z(),
                                                  s.modifiedZ()));
                                        }
                                        return values.flag(
                                            code, c.key(), s.outlier() ? reason(s) : null);
                                      });
                                })))
        .replaceWith(flagged);
  }

  private static String reason(Outliers.Score s) {
    return "outlier: z "
        + (s.z() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", s.z()))
        + ", modified z "
        + (s.modifiedZ() == null
            ? "n/a"
            : String.format(java.util.Locale.ROOT, "%.2f", s.modifiedZ()));
  }
}

package org.lernstadt.monitoring.indicator.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.Source;
import org.lernstadt.monitoring.indicator.domain.TopicArea;
import org.lernstadt.monitoring.indicator.repository.IndicatorRepository;
import org.lernstadt.monitoring.live.service.Computation;
import org.lernstadt.platform.web.ProblemException;

@ApplicationScoped
public class IndicatorService {

  @Inject IndicatorRepository indicators;

  @WithSession
  public Uni<List<Indicator>> list(TopicArea topicArea, Source source) {
    return indicators
        .list()
        .map(
            all ->
                all.stream()
                    .filter(i -> topicArea == null || i.topicArea() == topicArea)
                    .filter(i -> source == null || i.source() == source)
                    .toList());
  }

  @WithSession
  public Uni<Indicator> get(String code) {
    return require(code);
  }

  /** The definition, or 404; runs on the caller's session. */
  public Uni<Indicator> require(String code) {
    return indicators
        .find(code)
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Indicator " + code)));
  }

  @WithTransaction
  public Uni<Indicator> put(String code, IndicatorCommand c) {
    if (c.source() == Source.EVENTS && !Computation.known(c.computation())) {
      throw ProblemException.invalid(
          "computation",
          "must name a built-in computation for source EVENTS: " + List.of(Computation.values()));
    }
    if (c.source() == Source.SURVEY
        && (c.computation() == null || !c.computation().matches("[a-z0-9_]+(=[A-Za-z0-9_-]+)?"))) {
      throw ProblemException.invalid(
          "computation", "must be a question code, optionally with =option, for source SURVEY");
    }
    if (c.source() == Source.IMPORT && c.computation() != null) {
      throw ProblemException.invalid("computation", "must be empty for source IMPORT");
    }
    if (c.denominatorPopulation() != null && c.source() == Source.SURVEY) {
      throw ProblemException.invalid("denominatorPopulation", "surveys count their respondents");
    }
    Indicator indicator =
        new Indicator(
            code,
            c.name(),
            c.description(),
            c.topicArea(),
            c.unit(),
            c.polarity(),
            c.numerator(),
            c.denominator(),
            c.factor(),
            c.denominatorPopulation(),
            c.periodType(),
            c.source(),
            c.sourceName(),
            c.computation(),
            List.copyOf(c.disaggregations()),
            c.minCellSize(),
            c.decimals());
    return indicators.upsert(indicator).replaceWith(indicator);
  }
}

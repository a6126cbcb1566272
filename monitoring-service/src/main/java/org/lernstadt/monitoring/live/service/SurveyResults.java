package org.lernstadt.monitoring.live.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.area.service.AreaLevel;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.Period;
import org.lernstadt.monitoring.indicator.domain.PeriodType;
import org.lernstadt.monitoring.indicator.domain.Source;
import org.lernstadt.monitoring.indicator.repository.IndicatorRepository;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.repository.ValueRepository;
import org.lernstadt.monitoring.value.service.ValueStore;

/**
 * Published survey aggregates become values of the indicators with source SURVEY: a choice
 * question's option as the share of respondents ({@code code=option}), a scale question's mean
 * ({@code code}) kept as sum of ratings over respondents. Cells the participation service
 * suppressed stay out; the city's value adds up the published districts.
 */
@ApplicationScoped
public class SurveyResults {

  @Inject IndicatorRepository indicators;
  @Inject AreaRepository areas;
  @Inject ValueStore store;
  @Inject ValueRepository values;

  private record Share(String district, BigDecimal numerator, BigDecimal respondents) {}

  public Uni<Void> apply(JsonNode survey, OffsetDateTime occurredAt) {
    OffsetDateTime published =
        survey.hasNonNull("publishedAt")
            ? OffsetDateTime.parse(survey.get("publishedAt").asText())
            : occurredAt;
    Period period = Period.of(PeriodType.YEAR, published.toLocalDate());
    return indicators
        .bySource(Source.SURVEY)
        .chain(
            all ->
                areas
                    .levels()
                    .chain(
                        levels ->
                            Steps.each(
                                all, indicator -> write(indicator, survey, period, levels))));
  }

  private Uni<Void> write(
      Indicator indicator, JsonNode survey, Period period, Map<String, AreaLevel> levels) {
    String[] spec = indicator.computation().split("=", 2);
    JsonNode question = null;
    for (JsonNode q : survey.path("questions")) {
      if (spec[0].equals(q.path("code").asText())) {
        question = q;
      }
    }
    if (question == null) {
      return Uni.createFrom().voidItem();
    }
    List<Share> shares = new ArrayList<>();
    for (JsonNode cell : question.path("perDistrict")) {
      int responses = cell.path("responses").asInt(0);
      if (cell.path("suppressed").asBoolean(false) || responses <= 0) {
        continue;
      }
      BigDecimal numerator;
      if (spec.length == 2) {
        numerator = BigDecimal.valueOf(cell.path("values").path(spec[1]).asLong(0));
      } else {
        JsonNode mean = cell.has("mean") ? cell.get("mean") : cell.path("values").path("mean");
        if (!mean.isNumber()) {
          continue;
        }
        numerator = mean.decimalValue().multiply(BigDecimal.valueOf(responses));
      }
      shares.add(
          new Share(cell.path("district").asText(null), numerator, BigDecimal.valueOf(responses)));
    }
    String city =
        levels.entrySet().stream()
            .filter(e -> e.getValue() == AreaLevel.CITY)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    List<Cell> cells = new ArrayList<>();
    BigDecimal numerator = BigDecimal.ZERO;
    BigDecimal respondents = BigDecimal.ZERO;
    for (Share s : shares) {
      numerator = numerator.add(s.numerator());
      respondents = respondents.add(s.respondents());
      if (s.district() != null && levels.containsKey(s.district()) && !s.district().equals(city)) {
        cells.add(cell(indicator, s.district(), period, s.numerator(), s.respondents()));
      }
    }
    if (city != null && respondents.signum() > 0) {
      cells.add(cell(indicator, city, period, numerator, respondents));
    }
    return values
        .cells(indicator.code(), period.start(), period.end())
        .chain(existing -> store.writeAll(indicator, cells, ValueStore.byKey(existing)))
        .replaceWithVoid();
  }

  private static Cell cell(
      Indicator indicator,
      String area,
      Period period,
      BigDecimal numerator,
      BigDecimal denominator) {
    return new Cell(
        area,
        period.id(),
        period.start(),
        "",
        "",
        numerator,
        denominator,
        indicator.value(numerator, denominator),
        Source.SURVEY.name(),
        null);
  }
}

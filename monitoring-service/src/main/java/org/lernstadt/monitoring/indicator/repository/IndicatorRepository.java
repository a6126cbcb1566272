package org.lernstadt.monitoring.indicator.repository;

import static org.lernstadt.monitoring.common.Sql.args;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lernstadt.monitoring.common.Sql;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.PeriodType;
import org.lernstadt.monitoring.indicator.domain.Polarity;
import org.lernstadt.monitoring.indicator.domain.Source;
import org.lernstadt.monitoring.indicator.domain.TopicArea;

@ApplicationScoped
public class IndicatorRepository {

  private static final String SELECT =
      "select code, name, description, topic_area, unit, polarity, numerator, denominator, factor,"
          + " denominator_population, period_type, source, source_name, computation,"
          + " disaggregations, min_cell_size, decimals from indicator";

  @Inject Sql sql;

  public Uni<List<Indicator>> list() {
    return sql.rows(SELECT + " order by topic_area, code", args())
        .map(rows -> rows.stream().map(IndicatorRepository::indicator).toList());
  }

  public Uni<Optional<Indicator>> find(String code) {
    return sql.rows(SELECT + " where code = :code", args("code", code))
        .map(rows -> rows.stream().findFirst().map(IndicatorRepository::indicator));
  }

  public Uni<List<Indicator>> bySource(Source source) {
    return sql.rows(SELECT + " where source = :source order by code", args("source", source.name()))
        .map(rows -> rows.stream().map(IndicatorRepository::indicator).toList());
  }

  public Uni<Void> upsert(Indicator i) {
    return sql.update(
            "insert into indicator (code, name, description, topic_area, unit, polarity, numerator,"
                + " denominator, factor, denominator_population, period_type, source, source_name,"
                + " computation, disaggregations, min_cell_size, decimals) values (:code, :name,"
                + " :description, :topicArea, :unit, :polarity, :numerator, :denominator, :factor,"
                + " cast(:population as text), :periodType, :source, :sourceName,"
                + " cast(:computation as text), :disaggregations, :minCellSize, :decimals)"
                + " on conflict (code) do update set name = excluded.name,"
                + " description = excluded.description, topic_area = excluded.topic_area,"
                + " unit = excluded.unit, polarity = excluded.polarity,"
                + " numerator = excluded.numerator, denominator = excluded.denominator,"
                + " factor = excluded.factor, denominator_population = excluded.denominator_population,"
                + " period_type = excluded.period_type, source = excluded.source,"
                + " source_name = excluded.source_name, computation = excluded.computation,"
                + " disaggregations = excluded.disaggregations,"
                + " min_cell_size = excluded.min_cell_size, decimals = excluded.decimals,"
                + " updated_at = now()",
            args(
                "code", i.code(),
                "name", i.name(),
                "description", i.description(),
                "topicArea", i.topicArea().name(),
                "unit", i.unit(),
                "polarity", i.polarity().name(),
                "numerator", i.numerator(),
                "denominator", i.denominator(),
                "factor", i.factor(),
                "population", i.denominatorPopulation(),
                "periodType", i.periodType().name(),
                "source", i.source().name(),
                "sourceName", i.sourceName(),
                "computation", i.computation(),
                "disaggregations", String.join(",", i.disaggregations()),
                "minCellSize", i.minCellSize(),
                "decimals", i.decimals()))
        .replaceWithVoid();
  }

  private static Indicator indicator(Object[] r) {
    String dims = (String) r[14];
    return new Indicator(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        TopicArea.valueOf((String) r[3]),
        (String) r[4],
        Polarity.valueOf((String) r[5]),
        (String) r[6],
        (String) r[7],
        Sql.decimal(r[8]),
        (String) r[9],
        PeriodType.valueOf((String) r[10]),
        Source.valueOf((String) r[11]),
        (String) r[12],
        (String) r[13],
        dims.isEmpty() ? List.of() : Arrays.asList(dims.split(",")),
        Sql.integer(r[15]),
        Sql.integer(r[16]));
  }
}

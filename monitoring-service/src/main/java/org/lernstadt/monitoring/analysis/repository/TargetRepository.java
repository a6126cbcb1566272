package org.lernstadt.monitoring.analysis.repository;

import static org.lernstadt.monitoring.common.Sql.args;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.lernstadt.monitoring.common.Sql;

@ApplicationScoped
public class TargetRepository {

  /** A goal for an indicator in an area and year. */
  public record Target(
      String indicator, String area, int year, BigDecimal target, String guideline) {}

  @Inject Sql sql;

  public Uni<List<Target>> of(String indicator) {
    return query("where indicator_code = :indicator", args("indicator", indicator));
  }

  public Uni<List<Target>> ofYear(int year) {
    return query("where year = :year", args("year", year));
  }

  public Uni<Void> upsert(Target t) {
    return sql.update(
            "insert into target (indicator_code, area_code, year, target, guideline)"
                + " values (:indicator, :area, :year, :target, :guideline)"
                + " on conflict (indicator_code, area_code, year) do update"
                + " set target = excluded.target, guideline = excluded.guideline",
            args(
                "indicator",
                t.indicator(),
                "area",
                t.area(),
                "year",
                t.year(),
                "target",
                t.target(),
                "guideline",
                t.guideline()))
        .replaceWithVoid();
  }

  private Uni<List<Target>> query(String where, java.util.Map<String, Object> args) {
    return sql.rows(
            "select indicator_code, area_code, year, target, guideline from target "
                + where
                + " order by indicator_code, area_code, year",
            args)
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new Target(
                                (String) r[0],
                                (String) r[1],
                                Sql.integer(r[2]),
                                Sql.decimal(r[3]),
                                (String) r[4]))
                    .toList());
  }
}

package org.lernstadt.monitoring.area.repository;

import static org.lernstadt.monitoring.common.Sql.args;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lernstadt.monitoring.area.service.Area;
import org.lernstadt.monitoring.area.service.AreaLevel;
import org.lernstadt.monitoring.common.Sql;

/** SQL of the spatial units, their successions and their population. */
@ApplicationScoped
public class AreaRepository {

  private static final String SELECT =
      "select a.code, a.name, a.level, a.parent_code, a.valid_from, a.valid_to,"
          + " (select string_agg(s.predecessor, ',' order by s.predecessor) from area_succession s"
          + " where s.successor = a.code),"
          + " (select string_agg(s.successor, ',' order by s.successor) from area_succession s"
          + " where s.predecessor = a.code)"
          + " from area a";

  @Inject Sql sql;

  public Uni<List<Area>> list() {
    return sql.rows(SELECT + " order by a.level, a.code", args())
        .map(rows -> rows.stream().map(AreaRepository::area).toList());
  }

  public Uni<Optional<Area>> find(String code) {
    return sql.rows(SELECT + " where a.code = :code", args("code", code))
        .map(rows -> rows.stream().findFirst().map(AreaRepository::area));
  }

  public Uni<Void> upsert(
      String code, String name, AreaLevel level, String parent, LocalDate validFrom) {
    return sql.update(
            "insert into area (code, name, level, parent_code, valid_from)"
                + " values (:code, :name, :level, cast(:parent as text), :validFrom)"
                + " on conflict (code) do update set name = excluded.name, level = excluded.level,"
                + " parent_code = excluded.parent_code, valid_from = excluded.valid_from",
            args(
                "code",
                code,
                "name",
                name,
                "level",
                level.name(),
                "parent",
                parent,
                "validFrom",
                validFrom))
        .replaceWithVoid();
  }

  public Uni<Void> end(String code, LocalDate validTo) {
    return sql.update(
            "update area set valid_to = :validTo where code = :code",
            args("code", code, "validTo", validTo))
        .replaceWithVoid();
  }

  public Uni<Void> link(String predecessor, String successor, LocalDate effective) {
    return sql.update(
            "insert into area_succession (predecessor, successor, effective)"
                + " values (:p, :s, :effective) on conflict do nothing",
            args("p", predecessor, "s", successor, "effective", effective))
        .replaceWithVoid();
  }

  /** The area and every unit it descends from through splits and merges. */
  public Uni<List<String>> lineage(String code) {
    return sql.rows(
            "with recursive lineage(code) as (select cast(:code as text) union"
                + " select s.predecessor from area_succession s join lineage l on s.successor = l.code)"
                + " select code, 0 from lineage order by code",
            args("code", code))
        .map(rows -> rows.stream().map(r -> (String) r[0]).toList());
  }

  public Uni<Void> upsertPopulation(String area, int year, String ageBand, int persons) {
    return sql.update(
            "insert into population (area_code, year, age_band, persons)"
                + " values (:area, :year, :band, :persons) on conflict (area_code, year, age_band)"
                + " do update set persons = excluded.persons",
            args("area", area, "year", year, "band", ageBand, "persons", persons))
        .replaceWithVoid();
  }

  /** Persons of the area in the year and age band, or {@code null} if not imported. */
  public Uni<Integer> population(String area, int year, String ageBand) {
    return sql.rows(
            "select persons, 0 from population where area_code = :area and year = :year"
                + " and age_band = :band",
            args("area", area, "year", year, "band", ageBand))
        .map(rows -> rows.isEmpty() ? null : Sql.integer(rows.getFirst()[0]));
  }

  /** Every unit's code and level, cheaper than {@link #list()}. */
  public Uni<Map<String, AreaLevel>> levels() {
    return sql.rows("select code, level from area", args())
        .map(
            rows -> {
              Map<String, AreaLevel> levels = new java.util.HashMap<>();
              rows.forEach(r -> levels.put((String) r[0], AreaLevel.valueOf((String) r[1])));
              return levels;
            });
  }

  /** Every population figure, keyed {@code area/year/ageBand}. */
  public Uni<java.util.Map<String, Integer>> populations() {
    return sql.rows("select area_code, year, age_band, persons from population", args())
        .map(
            rows -> {
              java.util.Map<String, Integer> all = new java.util.HashMap<>();
              rows.forEach(r -> all.put(r[0] + "/" + r[1] + "/" + r[2], Sql.integer(r[3])));
              return all;
            });
  }

  private static Area area(Object[] r) {
    return new Area(
        (String) r[0],
        (String) r[1],
        AreaLevel.valueOf((String) r[2]),
        (String) r[3],
        Sql.date(r[4]),
        Sql.date(r[5]),
        split(r[6]),
        split(r[7]));
  }

  private static List<String> split(Object joined) {
    return joined == null ? List.of() : Arrays.asList(((String) joined).split(","));
  }
}

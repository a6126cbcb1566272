package org.lernstadt.monitoring.value.repository;

import static org.lernstadt.monitoring.common.Sql.args;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lernstadt.monitoring.common.Sql;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.value.domain.Cell;

/** SQL of the data values. */
@ApplicationScoped
public class ValueRepository {

  private static final String SELECT =
      "select area_code, period, period_start, dimension, category, numerator, denominator, value,"
          + " origin, flagged from data_value";

  @Inject Sql sql;

  /**
   * The cells of an indicator whose periods start in [from, to); every area and category, so that
   * suppression sees whole groups.
   */
  public Uni<List<Cell>> cells(String indicator, LocalDate from, LocalDate to) {
    return sql.rows(
            SELECT
                + " where indicator_code = :indicator and period_start >= :from"
                + " and period_start < :to order by period_start, area_code, dimension, category",
            args("indicator", indicator, "from", from, "to", to))
        .map(rows -> rows.stream().map(ValueRepository::cell).toList());
  }

  /** The totals of an indicator in one area, oldest first. */
  public Uni<List<Cell>> series(String indicator, String area) {
    return sql.rows(
            SELECT
                + " where indicator_code = :indicator and area_code = :area and dimension = ''"
                + " order by period_start",
            args("indicator", indicator, "area", area))
        .map(rows -> rows.stream().map(ValueRepository::cell).toList());
  }

  /**
   * For every indicator with a total in {@code area}: the cells of the latest two periods in which
   * that total has a value, in every area and category (the suppression of the area's totals
   * depends on the whole table of a period). One query; by indicator, oldest period first.
   */
  public Uni<Map<String, List<Cell>>> recentPeriodsAround(String area) {
    return sql.rows(
            "with ranked as (select indicator_code, period, row_number() over (partition by"
                + " indicator_code order by period_start desc) as rank from data_value"
                + " where area_code = :area and dimension = '' and value is not null),"
                + " recent as (select indicator_code, period from ranked where rank <= 2)"
                + " select v.indicator_code, v.area_code, v.period, v.period_start, v.dimension,"
                + " v.category, v.numerator, v.denominator, v.value, v.origin, v.flagged"
                + " from data_value v join recent r on r.indicator_code = v.indicator_code"
                + " and r.period = v.period"
                + " order by v.indicator_code, v.period_start, v.area_code, v.dimension, v.category",
            args("area", area))
        .map(
            rows -> {
              Map<String, List<Cell>> byIndicator = new LinkedHashMap<>();
              for (Object[] r : rows) {
                byIndicator
                    .computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(cell(Arrays.copyOfRange(r, 1, r.length)));
              }
              return byIndicator;
            });
  }

  /** The areas that have totals of an indicator. */
  public Uni<List<String>> areasOf(String indicator) {
    return sql.rows(
            "select distinct area_code, 0 from data_value where indicator_code = :indicator"
                + " and dimension = '' order by area_code",
            args("indicator", indicator))
        .map(rows -> rows.stream().map(r -> (String) r[0]).toList());
  }

  public Uni<Optional<Cell>> find(String indicator, Cell.Key key) {
    return sql.rows(
            SELECT
                + " where indicator_code = :indicator and area_code = :area and period = :period"
                + " and dimension = :dimension and category = :category",
            args(
                "indicator", indicator,
                "area", key.area(),
                "period", key.period(),
                "dimension", key.dimension(),
                "category", key.category()))
        .map(rows -> rows.stream().findFirst().map(ValueRepository::cell));
  }

  /** The cells of an indicator in one area and period (its total and its categories). */
  public Uni<List<Cell>> cells(String indicator, String area, String period) {
    return sql.rows(
            SELECT
                + " where indicator_code = :indicator and area_code = :area and period = :period",
            args("indicator", indicator, "area", area, "period", period))
        .map(rows -> rows.stream().map(ValueRepository::cell).toList());
  }

  /** Inserts or replaces the cells of an indicator in one statement. */
  public Uni<Void> upsertAll(String indicator, List<Cell> cells) {
    return sql.update(
            "insert into data_value (indicator_code, area_code, period, period_start, dimension,"
                + " category, numerator, denominator, value, origin) select :indicator, u.* from"
                + " unnest(cast(cast(:areas as text) as text[]), cast(cast(:periods as text) as text[]),"
                + " cast(cast(:starts as text) as date[]), cast(cast(:dimensions as text) as text[]),"
                + " cast(cast(:categories as text) as text[]), cast(cast(:numerators as text) as numeric[]),"
                + " cast(cast(:denominators as text) as numeric[]), cast(cast(:values as text) as numeric[]),"
                + " cast(cast(:origins as text) as text[]))"
                + " as u(area, period, period_start, dimension, category, numerator, denominator,"
                + " value, origin)"
                + " on conflict (indicator_code, area_code, period, dimension, category) do update"
                + " set numerator = excluded.numerator, denominator = excluded.denominator,"
                + " value = excluded.value, origin = excluded.origin, updated_at = now()",
            args(
                "indicator", indicator,
                "areas", array(cells, Cell::area),
                "periods", array(cells, Cell::period),
                "starts", array(cells, Cell::periodStart),
                "dimensions", array(cells, Cell::dimension),
                "categories", array(cells, Cell::category),
                "numerators", array(cells, Cell::numerator),
                "denominators", array(cells, Cell::denominator),
                "values", array(cells, Cell::value),
                "origins", array(cells, Cell::origin)))
        .replaceWithVoid();
  }

  /** A PostgreSQL array literal: every element quoted, {@code NULL} for null. */
  private static String array(List<Cell> cells, java.util.function.Function<Cell, Object> column) {
    StringBuilder literal = new StringBuilder("{");
    for (Cell cell : cells) {
      if (literal.length() > 1) {
        literal.append(',');
      }
      Object value = column.apply(cell);
      if (value == null) {
        literal.append("NULL");
      } else {
        String text =
            value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        literal.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      }
    }
    return literal.append('}').toString();
  }

  /** Deletes the cells of an indicator with these keys. */
  public Uni<Void> deleteAll(String indicator, List<Cell.Key> keys) {
    return Steps.each(
        keys,
        key ->
            sql.update(
                "delete from data_value where indicator_code = :indicator and area_code = :area"
                    + " and period = :period and dimension = :dimension and category = :category",
                args(
                    "indicator", indicator,
                    "area", key.area(),
                    "period", key.period(),
                    "dimension", key.dimension(),
                    "category", key.category())));
  }

  /** Marks a value for follow-up (data quality), or clears the mark with {@code null}. */
  public Uni<Integer> flag(String indicator, Cell.Key key, String reason) {
    return sql.update(
        "update data_value set flagged = cast(:reason as text) where indicator_code = :indicator"
            + " and area_code = :area and period = :period and dimension = :dimension"
            + " and category = :category",
        args(
            "indicator", indicator,
            "area", key.area(),
            "period", key.period(),
            "dimension", key.dimension(),
            "category", key.category(),
            "reason", reason));
  }

  /** Deletes the values of the given origins (a rebuild computes them again). */
  public Uni<Integer> deleteByOrigin(List<String> origins) {
    return sql.update(
        "delete from data_value where origin = any(cast(cast(:origins as text) as text[]))",
        Map.of("origins", "{" + String.join(",", origins) + "}"));
  }

  static Cell cell(Object[] r) {
    return new Cell(
        (String) r[0],
        (String) r[1],
        Sql.date(r[2]),
        (String) r[3],
        (String) r[4],
        Sql.decimal(r[5]),
        Sql.decimal(r[6]),
        Sql.decimal(r[7]),
        (String) r[8],
        (String) r[9]);
  }
}

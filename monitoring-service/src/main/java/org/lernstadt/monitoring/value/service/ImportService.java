package org.lernstadt.monitoring.value.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.area.service.Area;
import org.lernstadt.monitoring.common.Csv;
import org.lernstadt.monitoring.common.Sql;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.Period;
import org.lernstadt.monitoring.indicator.domain.Source;
import org.lernstadt.monitoring.indicator.repository.IndicatorRepository;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.repository.ValueRepository;
import org.lernstadt.platform.web.Problem;
import org.lernstadt.platform.web.ProblemException;

/**
 * CSV imports of data values and of population. Every row is checked before anything is written;
 * one bad row rejects the whole file, naming each bad row and why. A dry run reports what the
 * import would change; otherwise it is applied in one transaction.
 */
@ApplicationScoped
public class ImportService {

  public static final String VALUES_HEADER =
      "indicator,area,period,dimension,category,numerator,denominator";
  public static final String POPULATION_HEADER = "area,year,ageBand,persons";
  static final int LISTED = 1000;
  private static final int MAX_ERRORS = 100;
  private static final Set<String> AGE_BANDS =
      Set.of("TOTAL", "0-5", "6-9", "10-15", "16-24", "25-44", "45-64", "65+");

  @Inject IndicatorRepository indicators;
  @Inject AreaRepository areas;
  @Inject ValueRepository values;
  @Inject ValueStore store;
  @Inject Sql sql;
  @Inject PopulationListener populationListener;

  private record ValueRow(int row, Indicator indicator, Cell cell) {}

  private record PopulationRow(int row, String area, int year, String ageBand, int persons) {}

  @WithTransaction
  public Uni<ImportReport> run(String csv, boolean dryRun, String importedBy) {
    List<String> lines = Csv.lines(csv == null ? "" : csv);
    if (lines.isEmpty()) {
      throw ProblemException.invalid("header", "the file is empty");
    }
    String header = String.join(",", fields(1, lines.getFirst(), new ArrayList<>()));
    if (header.equals(VALUES_HEADER)) {
      return indicators
          .list()
          .chain(
              all ->
                  areas
                      .list()
                      .chain(
                          units ->
                              areas
                                  .populations()
                                  .chain(
                                      population ->
                                          importValues(
                                              lines,
                                              byCode(all, Indicator::code),
                                              byCode(units, Area::code),
                                              population,
                                              dryRun,
                                              importedBy))));
    }
    if (header.equals(POPULATION_HEADER)) {
      return areas
          .list()
          .chain(units -> importPopulation(lines, byCode(units, Area::code), dryRun, importedBy));
    }
    throw ProblemException.invalid(
        "header", "must be '" + VALUES_HEADER + "' or '" + POPULATION_HEADER + "'");
  }

  private Uni<ImportReport> importValues(
      List<String> lines,
      Map<String, Indicator> indicatorOf,
      Map<String, Area> areaOf,
      Map<String, Integer> population,
      boolean dryRun,
      String importedBy) {
    List<Problem.FieldError> errors = new ArrayList<>();
    List<ValueRow> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < lines.size() && errors.size() < MAX_ERRORS; i++) {
      int row = i + 1;
      List<String> f = fields(row, lines.get(i), errors);
      if (f == null) {
        continue;
      }
      if (f.size() != 7) {
        errors.add(error(row, null, "has " + f.size() + " fields, expected 7"));
        continue;
      }
      int before = errors.size();
      Indicator indicator = indicatorOf.get(f.get(0));
      if (indicator == null) {
        errors.add(error(row, "indicator", "no such indicator: " + f.get(0)));
      } else if (indicator.source() != Source.IMPORT) {
        errors.add(
            error(
                row,
                "indicator",
                f.get(0) + " is computed from " + indicator.source() + ", not imported"));
      }
      Period period = null;
      try {
        period = Period.parse(f.get(2));
        if (indicator != null && period.type() != indicator.periodType()) {
          errors.add(
              error(row, "period", f.get(0) + " has " + indicator.periodType() + " periods"));
        }
      } catch (IllegalArgumentException e) {
        errors.add(error(row, "period", e.getMessage()));
      }
      Area area = areaOf.get(f.get(1));
      if (area == null) {
        errors.add(error(row, "area", "no such area: " + f.get(1)));
      } else if (period != null && !area.validDuring(period.start(), period.end())) {
        errors.add(
            error(
                row,
                "area",
                f.get(1)
                    + " did not exist in "
                    + period.id()
                    + " (valid from "
                    + area.validFrom()
                    + (area.validTo() == null ? "" : " to " + area.validTo())
                    + ")"));
      }
      String dimension = f.get(3);
      String category = f.get(4);
      if (dimension.isEmpty() != category.isEmpty()) {
        errors.add(error(row, "category", "dimension and category go together"));
      } else if (indicator != null
          && !dimension.isEmpty()
          && !indicator.disaggregations().contains(dimension)) {
        errors.add(
            error(
                row,
                "dimension",
                f.get(0) + " is broken down by " + indicator.disaggregations() + " only"));
      }
      BigDecimal numerator = number(row, "numerator", f.get(5), true, errors);
      BigDecimal denominator = null;
      if (f.get(6).isEmpty() && indicator != null && indicator.denominatorPopulation() != null) {
        if (area != null && period != null) {
          Integer persons =
              population.get(
                  area.code() + "/" + period.year() + "/" + indicator.denominatorPopulation());
          if (persons == null) {
            errors.add(
                error(
                    row,
                    "denominator",
                    "empty, and no population of "
                        + area.code()
                        + " in "
                        + period.year()
                        + " (age band "
                        + indicator.denominatorPopulation()
                        + ") is imported"));
          } else {
            denominator = BigDecimal.valueOf(persons);
          }
        }
      } else if (f.get(6).isEmpty() && indicator != null && indicator.isCount()) {
        denominator = BigDecimal.ONE;
      } else {
        denominator = number(row, "denominator", f.get(6), false, errors);
      }
      if (errors.size() > before || indicator == null || area == null || period == null) {
        continue;
      }
      String key =
          String.join("/", indicator.code(), area.code(), period.id(), dimension, category);
      if (!seen.add(key)) {
        errors.add(error(row, null, "repeats the value " + key + " of an earlier row"));
        continue;
      }
      rows.add(
          new ValueRow(
              row,
              indicator,
              new Cell(
                  area.code(),
                  period.id(),
                  period.start(),
                  dimension,
                  category,
                  numerator,
                  denominator,
                  indicator.value(numerator, denominator),
                  Source.IMPORT.name(),
                  null)));
    }
    reject(errors);
    Map<Indicator, List<ValueRow>> byIndicator = new LinkedHashMap<>();
    rows.forEach(r -> byIndicator.computeIfAbsent(r.indicator(), k -> new ArrayList<>()).add(r));
    List<ImportReport.Change> changes = new ArrayList<>();
    int[] counts = new int[3];
    return Steps.each(
            byIndicator.entrySet(),
            entry -> {
              List<ValueRow> list = entry.getValue();
              LocalDate from =
                  list.stream()
                      .map(r -> r.cell().periodStart())
                      .min(LocalDate::compareTo)
                      .orElseThrow();
              LocalDate to =
                  list.stream()
                      .map(r -> r.cell().periodStart())
                      .max(LocalDate::compareTo)
                      .orElseThrow()
                      .plusDays(1);
              return values
                  .cells(entry.getKey().code(), from, to)
                  .chain(
                      stored -> {
                        Map<Cell.Key, Cell> existing = ValueStore.byKey(stored);
                        for (ValueRow r : list) {
                          Cell old = existing.get(r.cell().key());
                          String change =
                              old == null
                                  ? "CREATED"
                                  : old.sameNumbers(r.cell()) ? "UNCHANGED" : "UPDATED";
                          counts[change.equals("CREATED") ? 0 : change.equals("UPDATED") ? 1 : 2]++;
                          if (!change.equals("UNCHANGED") && changes.size() < LISTED) {
                            changes.add(
                                new ImportReport.Change(
                                    r.row(),
                                    describe(r),
                                    change,
                                    old == null ? null : old.value(),
                                    r.cell().value()));
                          }
                        }
                        return dryRun
                            ? Uni.createFrom().voidItem()
                            : store.writeAll(
                                entry.getKey(),
                                list.stream().map(ValueRow::cell).toList(),
                                existing);
                      });
            })
        .chain(() -> finish("VALUES", dryRun, importedBy, rows.size(), counts, changes));
  }

  private static String describe(ValueRow r) {
    Cell c = r.cell();
    return r.indicator().code()
        + "/"
        + c.area()
        + "/"
        + c.period()
        + (c.isTotal() ? "" : "/" + c.dimension() + "=" + c.category());
  }

  private Uni<ImportReport> importPopulation(
      List<String> lines, Map<String, Area> areaOf, boolean dryRun, String importedBy) {
    List<Problem.FieldError> errors = new ArrayList<>();
    List<PopulationRow> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < lines.size() && errors.size() < MAX_ERRORS; i++) {
      int row = i + 1;
      List<String> f = fields(row, lines.get(i), errors);
      if (f == null) {
        continue;
      }
      if (f.size() != 4) {
        errors.add(error(row, null, "has " + f.size() + " fields, expected 4"));
        continue;
      }
      int before = errors.size();
      if (!areaOf.containsKey(f.get(0))) {
        errors.add(error(row, "area", "no such area: " + f.get(0)));
      }
      Integer year = whole(row, "year", f.get(1), 1900, 2200, errors);
      if (!AGE_BANDS.contains(f.get(2))) {
        errors.add(error(row, "ageBand", "must be TOTAL or one of " + AGE_BANDS));
      }
      Integer persons = whole(row, "persons", f.get(3), 0, Integer.MAX_VALUE, errors);
      if (errors.size() > before) {
        continue;
      }
      if (!seen.add(f.get(0) + "/" + year + "/" + f.get(2))) {
        errors.add(error(row, null, "repeats an earlier row"));
        continue;
      }
      rows.add(new PopulationRow(row, f.get(0), year, f.get(2), persons));
    }
    reject(errors);
    List<ImportReport.Change> changes = new ArrayList<>();
    int[] counts = new int[3];
    return Steps.each(
            rows,
            r ->
                areas
                    .population(r.area(), r.year(), r.ageBand())
                    .chain(
                        old -> {
                          String change =
                              old == null
                                  ? "CREATED"
                                  : old == r.persons() ? "UNCHANGED" : "UPDATED";
                          counts[change.equals("CREATED") ? 0 : change.equals("UPDATED") ? 1 : 2]++;
                          if (!change.equals("UNCHANGED") && changes.size() < LISTED) {
                            changes.add(
                                new ImportReport.Change(
                                    r.row(),
                                    r.area() + "/" + r.year() + "/" + r.ageBand(),
                                    change,
                                    old == null ? null : BigDecimal.valueOf(old),
                                    BigDecimal.valueOf(r.persons())));
                          }
                          return dryRun || change.equals("UNCHANGED")
                              ? Uni.createFrom().voidItem()
                              : areas.upsertPopulation(
                                  r.area(), r.year(), r.ageBand(), r.persons());
                        }))
        .chain(
            () ->
                dryRun
                    ? Uni.createFrom().voidItem()
                    : populationListener.changed(
                        rows.stream()
                            .map(r -> r.area() + "/" + r.year())
                            .collect(Collectors.toSet())))
        .chain(() -> finish("POPULATION", dryRun, importedBy, rows.size(), counts, changes));
  }

  private Uni<ImportReport> finish(
      String kind,
      boolean dryRun,
      String importedBy,
      int rows,
      int[] counts,
      List<ImportReport.Change> changes) {
    ImportReport report =
        new ImportReport(kind, dryRun, rows, counts[0], counts[1], counts[2], changes);
    if (dryRun) {
      return Uni.createFrom().item(report);
    }
    return sql.update(
            "insert into import_run (id, imported_by, kind, rows, created, updated, unchanged)"
                + " values (:id, :by, :kind, :rows, :created, :updated, :unchanged)",
            Sql.args(
                "id",
                UUID.randomUUID(),
                "by",
                importedBy,
                "kind",
                kind,
                "rows",
                rows,
                "created",
                counts[0],
                "updated",
                counts[1],
                "unchanged",
                counts[2]))
        .replaceWith(report);
  }

  private static void reject(List<Problem.FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ProblemException(
          422,
          "Import rejected",
          "The import has "
              + (errors.size() >= MAX_ERRORS ? "at least " : "")
              + errors.size()
              + " bad row(s); nothing was changed.",
          errors);
    }
  }

  private static List<String> fields(int row, String line, List<Problem.FieldError> errors) {
    try {
      return Csv.fields(line);
    } catch (IllegalArgumentException e) {
      errors.add(error(row, null, e.getMessage()));
      return null;
    }
  }

  private static BigDecimal number(
      int row, String column, String text, boolean zeroAllowed, List<Problem.FieldError> errors) {
    try {
      BigDecimal n = new BigDecimal(text);
      if (n.signum() < 0 || (!zeroAllowed && n.signum() == 0)) {
        errors.add(error(row, column, zeroAllowed ? "must not be negative" : "must be above 0"));
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(error(row, column, "'" + text + "' is not a number"));
      return null;
    }
  }

  private static Integer whole(
      int row, String column, String text, int min, int max, List<Problem.FieldError> errors) {
    try {
      int n = Integer.parseInt(text);
      if (n < min || n > max) {
        errors.add(error(row, column, "must be from " + min + " to " + max));
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(error(row, column, "'" + text + "' is not a whole number"));
      return null;
    }
  }

  private static Problem.FieldError error(int row, String column, String message) {
    return new Problem.FieldError("row " + row + (column == null ? "" : "." + column), message);
  }

  private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
    Map<String, T> map = new HashMap<>();
    items.forEach(i -> map.put(code.apply(i), i));
    return map;
  }
}

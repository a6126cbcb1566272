package org.lernstadt.monitoring.value.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lernstadt.monitoring.common.Csv;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.value.domain.Confidentiality;

/**
 * Open-data formats of a value set. A suppressed cell is never written as 0: it is empty in CSV,
 * {@code null} with a status in JSON-stat, and an empty {@code OBS_VALUE} with its {@code
 * CONF_STATUS} in SDMX-CSV. Analysts' exports carry the values with the same confidentiality marks,
 * so whoever publishes them knows what to withhold.
 */
public final class Exports {

  public static final String SDMX_CSV = "application/vnd.sdmx.data+csv;version=1.0.0";

  private Exports() {}

  public static String csv(ValueSet set) {
    StringBuilder out =
        new StringBuilder(
            "indicator,area,period,dimension,category,value,numerator,denominator,confidentiality\n");
    for (ValueView v : set.values()) {
      out.append(
              String.join(
                  ",",
                  Csv.field(set.indicator().code()),
                  Csv.field(v.area()),
                  Csv.field(v.period()),
                  Csv.field(v.dimension()),
                  Csv.field(v.category()),
                  Csv.field(v.value()),
                  Csv.field(v.numerator()),
                  Csv.field(v.denominator()),
                  v.confidentiality().name()))
          .append('\n');
    }
    return out.toString();
  }

  /** SDMX-CSV 1.0: one row per observation of the dataflow {@code LERNSTADT:<code>(1.0)}. */
  public static String sdmxCsv(ValueSet set) {
    Indicator indicator = set.indicator();
    StringBuilder out =
        new StringBuilder(
            "DATAFLOW,REF_AREA,TIME_PERIOD,BREAKDOWN,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,CONF_STATUS\n");
    for (ValueView v : set.values()) {
      out.append(
              String.join(
                  ",",
                  "LERNSTADT:" + indicator.code() + "(1.0)",
                  Csv.field(v.area()),
                  Csv.field(sdmxPeriod(v.period())),
                  Csv.field(v.dimension().isEmpty() ? "_T" : v.dimension() + "=" + v.category()),
                  Csv.field(v.value()),
                  Csv.field(indicator.unit()),
                  "0",
                  v.confidentiality().sdmx()))
          .append('\n');
    }
    return out.toString();
  }

  /** SDMX's period notation: 2025, 2025-Q1, 2025-03. */
  static String sdmxPeriod(String period) {
    if (period.length() == 6 && period.charAt(4) == 'Q') {
      return period.substring(0, 4) + "-" + period.substring(4);
    }
    if (period.length() == 6) {
      return period.substring(0, 4) + "-" + period.substring(4);
    }
    return period;
  }

  /**
   * JSON-stat 2.0 dataset with dimensions area × period × breakdown; a confidential cell has status
   * {@code c} (primary) or {@code d} (secondary), and is {@code null} for public readers.
   */
  public static Map<String, Object> jsonStat(ValueSet set, Map<String, String> areaNames) {
    Indicator indicator = set.indicator();
    List<String> areas = set.values().stream().map(ValueView::area).distinct().sorted().toList();
    List<String> periods =
        set.values().stream().map(ValueView::period).distinct().sorted().toList();
    List<String> breakdowns =
        set.values().stream().map(Exports::breakdown).distinct().sorted().toList();
    int size = areas.size() * periods.size() * breakdowns.size();
    List<Object> value = new ArrayList<>(java.util.Collections.nCopies(size, null));
    Map<String, String> status = new LinkedHashMap<>();
    for (ValueView v : set.values()) {
      int index =
          (areas.indexOf(v.area()) * periods.size() + periods.indexOf(v.period()))
                  * breakdowns.size()
              + breakdowns.indexOf(breakdown(v));
      value.set(index, v.value());
      if (v.confidentiality() != Confidentiality.FREE) {
        status.put(
            Integer.toString(index), v.confidentiality() == Confidentiality.PRIMARY ? "c" : "d");
      }
    }
    Map<String, Object> dimension = new LinkedHashMap<>();
    dimension.put("area", category("Area", areas, areaNames));
    dimension.put("period", category("Period", periods, Map.of()));
    dimension.put("breakdown", category("Breakdown", breakdowns, Map.of("_T", "Total")));
    Map<String, Object> dataset = new LinkedHashMap<>();
    dataset.put("version", "2.0");
    dataset.put("class", "dataset");
    dataset.put("label", indicator.name() + " (" + indicator.unit() + ")");
    dataset.put("source", indicator.sourceName());
    dataset.put(
        "note",
        List.of(
            "status c: suppressed, fewer than "
                + indicator.minCellSize()
                + " cases;"
                + " status d: suppressed so that another suppressed cell cannot be recovered"));
    dataset.put("id", List.of("area", "period", "breakdown"));
    dataset.put("size", List.of(areas.size(), periods.size(), breakdowns.size()));
    dataset.put("dimension", dimension);
    dataset.put("value", value);
    dataset.put("status", status);
    dataset.put(
        "extension",
        Map.of(
            "indicator", indicator.code(),
            "unit", indicator.unit(),
            "decimals", indicator.decimals(),
            "suppressed", set.suppressed()));
    return dataset;
  }

  private static String breakdown(ValueView v) {
    return v.dimension().isEmpty() ? "_T" : v.dimension() + "=" + v.category();
  }

  private static Map<String, Object> category(
      String label, List<String> ids, Map<String, String> labels) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    Map<String, Object> category = new LinkedHashMap<>();
    category.put("index", index);
    Map<String, String> named =
        ids.stream()
            .collect(
                Collectors.toMap(
                    id -> id, id -> labels.getOrDefault(id, id), (a, b) -> a, LinkedHashMap::new));
    category.put("label", named);
    return Map.of("label", label, "category", category);
  }
}

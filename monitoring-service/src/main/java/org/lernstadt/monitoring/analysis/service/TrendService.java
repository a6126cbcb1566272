package org.lernstadt.monitoring.analysis.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lernstadt.monitoring.analysis.domain.Trend;
import org.lernstadt.monitoring.indicator.domain.Period;
import org.lernstadt.monitoring.value.mapping.ValueSet;
import org.lernstadt.monitoring.value.mapping.ValueView;
import org.lernstadt.monitoring.value.service.ValueFilter;
import org.lernstadt.monitoring.value.service.ValueQuery;

/** Trends of an area's totals, on the values the reader may see. */
@ApplicationScoped
public class TrendService {

  @Inject ValueQuery query;

  public Uni<SeriesView> trend(
      String code, String area, int periods, int horizon, boolean unsuppressed) {
    return query
        .values(
            code, new ValueFilter(area, false, null, null, null, null, "total", null), unsuppressed)
        .map(set -> series(set, area, periods, horizon));
  }

  /** The series of one area in a value set (its totals), the last {@code periods} of them. */
  public static SeriesView series(ValueSet set, String area, int periods, int horizon) {
    Map<String, ValueView> byPeriod = new HashMap<>();
    set.values().stream()
        .filter(v -> v.area().equals(area) && v.dimension().isEmpty())
        .forEach(v -> byPeriod.put(v.period(), v));
    List<String> ids = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Period> present = byPeriod.keySet().stream().map(Period::parse).sorted().toList();
    if (!present.isEmpty()) {
      Period last = present.getLast();
      Period p = present.getFirst();
      while (p.compareTo(last) <= 0) {
        ValueView v = byPeriod.get(p.id());
        ids.add(p.id());
        values.add(v == null || v.value() == null ? null : v.value().doubleValue());
        p = p.next();
      }
    }
    if (ids.size() > periods) {
      ids = ids.subList(ids.size() - periods, ids.size());
      values = values.subList(values.size() - periods, values.size());
    }
    Trend trend = Trend.of(values, horizon);
    List<String> forecast = new ArrayList<>();
    if (!ids.isEmpty()) {
      Period p = Period.parse(ids.getLast());
      for (int h = 0; h < trend.forecast().size(); h++) {
        p = p.next();
        forecast.add(p.id());
      }
    }
    return new SeriesView(
        set.indicator().code(),
        area,
        List.copyOf(ids),
        // missing values stay as nulls, which List.copyOf refuses
        java.util.Collections.unmodifiableList(new ArrayList<>(values)),
        trend,
        forecast);
  }
}

package org.lernstadt.monitoring.report.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lernstadt.monitoring.analysis.domain.Trend;
import org.lernstadt.monitoring.analysis.repository.RuleRepository;
import org.lernstadt.monitoring.analysis.repository.TargetRepository;
import org.lernstadt.monitoring.analysis.service.SeriesView;
import org.lernstadt.monitoring.analysis.service.TrendService;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.area.service.Area;
import org.lernstadt.monitoring.area.service.AreaLevel;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.Polarity;
import org.lernstadt.monitoring.indicator.domain.TopicArea;
import org.lernstadt.monitoring.indicator.repository.IndicatorRepository;
import org.lernstadt.monitoring.value.mapping.ValueSet;
import org.lernstadt.monitoring.value.service.ValueFilter;
import org.lernstadt.monitoring.value.service.ValueQuery;
import org.lernstadt.platform.web.ProblemException;

/**
 * The education report of a year for the city or one area: per topic area, each indicator with
 * values up to that year as a table row, a trend chart (SVG) and a few sentences generated from the
 * numbers; the open alerts at the end. Public readers get suppressed values.
 */
@ApplicationScoped
public class ReportService {

  private static final int YEARS = 10;

  @Inject IndicatorRepository indicators;
  @Inject AreaRepository areas;
  @Inject ValueQuery query;
  @Inject TargetRepository targets;
  @Inject RuleRepository rules;

  private record Section(Indicator indicator, SeriesView series, SeriesView city, Double target) {}

  @WithSession
  public Uni<String> render(int year, String areaCode, boolean unsuppressed) {
    return areas
        .list()
        .chain(
            all -> {
              Area city =
                  all.stream().filter(a -> a.level() == AreaLevel.CITY).findFirst().orElse(null);
              String code = areaCode != null ? areaCode : city == null ? null : city.code();
              Area area =
                  all.stream()
                      .filter(a -> a.code().equals(code))
                      .findFirst()
                      .orElseThrow(() -> ProblemException.notFound("Area " + code));
              List<Section> sections = new ArrayList<>();
              return indicators
                  .list()
                  .chain(
                      list ->
                          Steps.each(
                              list,
                              indicator ->
                                  query
                                      .values(
                                          indicator.code(),
                                          new ValueFilter(
                                              null,
                                              false,
                                              Integer.toString(year - YEARS + 1),
                                              Integer.toString(year),
                                              null,
                                              null,
                                              "total",
                                              null),
                                          unsuppressed)
                                      .chain(
                                          set ->
                                              targets
                                                  .of(indicator.code())
                                                  .invoke(
                                                      goals ->
                                                          section(set, area, city, year, goals)
                                                              .ifPresent(sections::add)))))
                  .chain(() -> rules.alerts(true, null, area.code(), 100))
                  .map(
                      alerts ->
                          html(year, area, city, sections, alerts, names(sections), unsuppressed));
            });
  }

  private static java.util.Optional<Section> section(
      ValueSet set, Area area, Area city, int year, List<TargetRepository.Target> goals) {
    if (!(set.indicator().periodType()
        == org.lernstadt.monitoring.indicator.domain.PeriodType.YEAR)) {
      return java.util.Optional.empty();
    }
    SeriesView series = TrendService.series(set, area.code(), YEARS, 2);
    // an indicator whose values are all hidden is still listed, saying so
    if (series.periods().isEmpty()) {
      return java.util.Optional.empty();
    }
    SeriesView citySeries =
        city == null || city.code().equals(area.code())
            ? null
            : TrendService.series(set, city.code(), YEARS, 0);
    Double target =
        goals.stream()
            .filter(g -> g.area().equals(area.code()) && g.year() == year)
            .map(g -> g.target().doubleValue())
            .findFirst()
            .orElse(null);
    return java.util.Optional.of(new Section(set.indicator(), series, citySeries, target));
  }

  private static String html(
      int year,
      Area area,
      Area city,
      List<Section> sections,
      List<RuleRepository.Alert> alerts,
      Map<String, String> names,
      boolean unsuppressed) {
    StringBuilder h = new StringBuilder();
    String title = "Bildungsbericht " + year + " – " + area.name();
    h.append("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(title))
        .append("</title><style>")
        .append(
            "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#222;line-height:1.45}"
                + "h1{font-size:1.8rem}h2{border-bottom:2px solid #1f5fa8;padding-bottom:.2rem;margin-top:2rem}"
                + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}"
                + "td.n{text-align:right;font-variant-numeric:tabular-nums}"
                + ".indicator{display:flex;gap:1.5rem;align-items:flex-start;margin:1rem 0}.chart{flex:0 0 auto}"
                + ".weak{color:#a15c00}.alert{background:#fdecea;border-left:4px solid #c62828;padding:.4rem .8rem;margin:.4rem 0}"
                + ".note{color:#666;font-size:.9rem}")
        .append("</style></head><body>");
    h.append("<h1>").append(Html.escape(title)).append("</h1>");
    h.append("<p class=\"note\">")
        .append(sections.size())
        .append(" Indikatoren mit Werten. ")
        .append(
            unsuppressed
                ? "Interne Fassung: Werte ungeschwärzt."
                : "Öffentliche Fassung: kleine Fallzahlen sind geschwärzt (–).")
        .append("</p>");
    Map<TopicArea, List<Section>> byTopic = new TreeMap<>();
    sections.forEach(
        s -> byTopic.computeIfAbsent(s.indicator().topicArea(), k -> new ArrayList<>()).add(s));
    byTopic.forEach(
        (topic, list) -> {
          h.append("<h2>").append(Html.escape(topicName(topic))).append("</h2>");
          h.append("<table><thead><tr><th>Indikator</th><th>Einheit</th><th>")
              .append(year)
              .append("</th><th>Vorjahr</th><th>Ziel</th>")
              .append(city == null || city.code().equals(area.code()) ? "" : "<th>Stadt</th>")
              .append("</tr></thead><tbody>");
          for (Section s : list) {
            List<Double> v = s.series().values();
            List<String> p = s.series().periods();
            h.append("<tr><td>")
                .append(Html.escape(s.indicator().name()))
                .append("</td><td>")
                .append(Html.escape(s.indicator().unit()))
                .append("</td><td class=\"n\">")
                .append(number(valueIn(p, v, Integer.toString(year))))
                .append("</td><td class=\"n\">")
                .append(number(valueIn(p, v, Integer.toString(year - 1))))
                .append("</td><td class=\"n\">")
                .append(number(s.target()))
                .append("</td>");
            if (s.city() != null) {
              h.append("<td class=\"n\">")
                  .append(
                      number(
                          valueIn(s.city().periods(), s.city().values(), Integer.toString(year))))
                  .append("</td>");
            }
            h.append("</tr>");
          }
          h.append("</tbody></table>");
          for (Section s : list) {
            h.append("<div class=\"indicator\">")
                .append(
                    SvgChart.line(
                        s.indicator().name(),
                        s.series().periods(),
                        s.series().values(),
                        s.series().trend().weak() ? List.of() : s.series().trend().forecast()))
                .append("<div><h3>")
                .append(Html.escape(s.indicator().name()))
                .append("</h3><p>")
                .append(Html.escape(text(s, area, year)))
                .append("</p><p class=\"note\">Quelle: ")
                .append(Html.escape(s.indicator().sourceName()))
                .append("</p></div></div>");
          }
        });
    h.append("<h2>Frühwarnungen</h2>");
    if (alerts.isEmpty()) {
      h.append("<p>Keine offenen Warnungen.</p>");
    }
    for (RuleRepository.Alert a : alerts) {
      // the message quotes the unsuppressed value, so the public version names only the warning
      h.append("<div class=\"alert\"><strong>")
          .append(Html.escape(a.importance()))
          .append("</strong> ")
          .append(
              Html.escape(
                  unsuppressed
                      ? a.message()
                      : names.getOrDefault(a.indicator(), a.indicator())
                          + ": Frühwarnung seit "
                          + a.period()))
          .append("</div>");
    }
    return h.append("</body></html>").toString();
  }

  private static Map<String, String> names(List<Section> sections) {
    Map<String, String> names = new java.util.HashMap<>();
    sections.forEach(s -> names.put(s.indicator().code(), s.indicator().name()));
    return names;
  }

  /** A few sentences from the numbers: level, change, trend, comparison, target. */
  static String text(Section s, Area area, int year) {
    Indicator indicator = s.indicator();
    List<Double> v = s.series().values();
    List<String> p = s.series().periods();
    Double now = valueIn(p, v, Integer.toString(year));
    Double before = valueIn(p, v, Integer.toString(year - 1));
    StringBuilder t = new StringBuilder();
    if (now == null) {
      t.append("Für ").append(year).append(" liegt kein veröffentlichbarer Wert vor. ");
    } else {
      t.append(indicator.name())
          .append(" lag ")
          .append(year)
          .append(" in ")
          .append(area.name())
          .append(" bei ")
          .append(number(now))
          .append(" (")
          .append(indicator.unit())
          .append(")");
      if (before != null) {
        double change = now - before;
        t.append(
            change == 0
                ? ", unverändert zum Vorjahr"
                : change > 0 ? ", ein Anstieg um " : ", ein Rückgang um ");
        if (change != 0) {
          t.append(number(Math.abs(change))).append(" gegenüber dem Vorjahr");
          t.append(judgement(indicator.polarity(), change));
        }
      }
      t.append(". ");
    }
    Trend trend = s.series().trend();
    if (trend.slope() != null && !trend.weak()) {
      t.append("Über ")
          .append(trend.points())
          .append(" Jahre ")
          .append(trend.slope() > 0 ? "steigt" : trend.slope() < 0 ? "fällt" : "hält sich")
          .append(" der Wert im Mittel um ")
          .append(number(Math.abs(trend.slope())))
          .append(" pro Jahr (R² ")
          .append(String.format(Locale.ROOT, "%.2f", trend.r2()))
          .append("). ");
    } else if (trend.points() > 1) {
      t.append("Die Reihe ist für eine Trendaussage zu schwach (")
          .append(String.join(", ", trend.weakReasons()))
          .append("). ");
    }
    if (s.city() != null && now != null) {
      Double city = valueIn(s.city().periods(), s.city().values(), Integer.toString(year));
      if (city != null && city != 0) {
        double percent = 100 * (now - city) / Math.abs(city);
        t.append("Der Stadtdurchschnitt lag bei ")
            .append(number(city))
            .append(" (")
            .append(percent >= 0 ? "+" : "−")
            .append(number(Math.abs(percent)))
            .append(" %). ");
      }
    }
    if (s.target() != null && now != null) {
      boolean met =
          switch (indicator.polarity()) {
            case HIGHER_IS_BETTER -> now >= s.target();
            case LOWER_IS_BETTER -> now <= s.target();
            case NEUTRAL -> Math.abs(now - s.target()) <= Math.abs(s.target()) * 0.05;
          };
      t.append("Zielwert ")
          .append(number(s.target()))
          .append(
              met ? ": erreicht." : ": nicht erreicht (Abstand " + number(now - s.target()) + ").");
    }
    return t.toString().trim();
  }

  private static String judgement(Polarity polarity, double change) {
    return switch (polarity) {
      case HIGHER_IS_BETTER -> change > 0 ? " (günstig)" : " (ungünstig)";
      case LOWER_IS_BETTER -> change < 0 ? " (günstig)" : " (ungünstig)";
      case NEUTRAL -> "";
    };
  }

  private static Double valueIn(List<String> periods, List<Double> values, String period) {
    int i = periods.indexOf(period);
    return i < 0 ? null : values.get(i);
  }

  private static String number(Double v) {
    if (v == null) {
      return "–";
    }
    java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Locale.GERMANY);
    f.setMaximumFractionDigits(2);
    return f.format(v);
  }

  private static String topicName(TopicArea topic) {
    return switch (topic) {
      case EARLY_CHILDHOOD -> "Frühkindliche Bildung";
      case SCHOOL -> "Schule";
      case TRANSITIONS -> "Übergänge";
      case VOCATIONAL_ADULT -> "Berufliche Bildung und Weiterbildung";
      case SENIOR_LEARNING -> "Lernen im Alter";
      case PARTICIPATION -> "Beteiligung";
      case OFFER_DENSITY -> "Bildungsangebote";
      case COUNSELLING -> "Bildungsberatung";
    };
  }
}

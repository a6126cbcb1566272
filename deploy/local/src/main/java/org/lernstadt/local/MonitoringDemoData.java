package org.lernstadt.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.lernstadt.democity.DemoCity;

/**
 * The demo city's education monitoring, loaded as its statistics office would: an analyst records
 * the districts, imports their population by age band and several years of official statistics
 * (CSV, through the import API), defines the one indicator the starter catalogue lacks and sets
 * early-warning rules. The series have plausible trends (a dip in the pandemic years, new
 * counselling centres from 2023); in one district the share of school leavers without a certificate
 * rises above its threshold, and one district's participation in further education lags far behind
 * the city's, so two alerts are open. Runs before the other loaders, so that the live indicators
 * from their events are computed per district from the start.
 */
public final class MonitoringDemoData implements DemoDataLoader {

  static final long SEED = 2019;
  static final int FIRST_YEAR = 2019;

  /** The last year of official statistics; population goes one year further for live values. */
  static final int LAST_YEAR = 2025;

  static final int LAST_POPULATION_YEAR = 2027;
  static final String[] AGE_BANDS = {"0-5", "6-9", "10-15", "16-24", "25-44", "45-64", "65+"};
  private static final double[] AGE_SHARES = {0.06, 0.04, 0.06, 0.09, 0.27, 0.26, 0.22};

  /** Where the school leavers' share rises above the threshold. */
  static final String RISING_DISTRICT = "d13";

  /** Where participation in further education lags behind the city. */
  static final String LAGGING_DISTRICT = "d17";

  static final double LEAVERS_THRESHOLD = 10;
  static final double DEVIATION_THRESHOLD = 20;

  static final String COUNSELLING_REACH =
      "{\"name\":\"Reach of education counselling\","
          + "\"description\":\"People advised by the municipal education counselling (first"
          + " consultations) per 1,000 inhabitants.\",\"topicArea\":\"COUNSELLING\","
          + "\"unit\":\"per 1,000 inhabitants\",\"polarity\":\"HIGHER_IS_BETTER\","
          + "\"numerator\":\"people advised\",\"denominator\":\"inhabitants\",\"factor\":1000,"
          + "\"denominatorPopulation\":\"TOTAL\",\"periodType\":\"YEAR\",\"source\":\"IMPORT\","
          + "\"sourceName\":\"Bildungsberatung der Stadt (Beratungsstatistik)\","
          + "\"disaggregations\":[],\"minCellSize\":5,\"decimals\":1}";

  /** One imported value: numerator and denominator ({@code null}: the population's). */
  record Value(String indicator, String area, int year, long numerator, Long denominator) {}

  /** An early-warning rule as JSON for {@code POST /v1/indicators/{indicator}/rules}. */
  record Rule(String indicator, String json) {}

  /** Everything the loader imports: persons per area, year and age band, values, rules. */
  record Plan(Map<String, Map<Integer, long[]>> population, List<Value> values, List<Rule> rules) {

    String populationCsv() {
      StringBuilder csv = new StringBuilder("area,year,ageBand,persons\n");
      population.forEach(
          (area, years) ->
              years.forEach(
                  (year, bands) -> {
                    long total = 0;
                    for (int b = 0; b < AGE_BANDS.length; b++) {
                      csv.append("%s,%d,%s,%d%n".formatted(area, year, AGE_BANDS[b], bands[b]));
                      total += bands[b];
                    }
                    csv.append("%s,%d,TOTAL,%d%n".formatted(area, year, total));
                  }));
      return csv.toString();
    }

    String valuesCsv() {
      StringBuilder csv =
          new StringBuilder("indicator,area,period,dimension,category,numerator,denominator\n");
      for (Value v : values) {
        csv.append(
            "%s,%s,%d,,,%d,%s%n"
                .formatted(
                    v.indicator(),
                    v.area(),
                    v.year(),
                    v.numerator(),
                    v.denominator() == null ? "" : v.denominator()));
      }
      return csv.toString();
    }
  }

  @Override
  public int order() {
    return 5;
  }

  /** The demo's statistics, the same for the same seed. */
  static Plan plan(long seed) {
    Random random = new Random(seed);
    Map<String, Map<Integer, long[]>> population = new LinkedHashMap<>();
    Map<Integer, long[]> city = new LinkedHashMap<>();
    List<Value> values = new ArrayList<>();
    // The city's values are imported as the sums of its districts' numerators and denominators.
    Map<String, Value> cityValues = new LinkedHashMap<>();
    for (String[] district : DemoCity.districts()) {
      String code = district[0];
      // Size, age profile (-1 young families … +1 old) and growth of each district.
      double size = 6_000 + random.nextInt(26_000);
      double age = random.nextDouble() * 2 - 1;
      double growth = -0.005 + random.nextDouble() * 0.02;
      Map<Integer, long[]> years = new LinkedHashMap<>();
      for (int year = FIRST_YEAR; year <= LAST_POPULATION_YEAR; year++) {
        double total = size * Math.pow(1 + growth, year - FIRST_YEAR);
        long[] bands = new long[AGE_BANDS.length];
        for (int b = 0; b < AGE_BANDS.length; b++) {
          // Young districts have more children and fewer seniors, old ones the other way round.
          double tilt = b < 4 ? -0.25 * age : b == 6 ? 0.35 * age : 0;
          bands[b] = Math.round(total * AGE_SHARES[b] * (1 + tilt));
        }
        years.put(year, bands);
        long[] sum = city.computeIfAbsent(year, y -> new long[AGE_BANDS.length]);
        for (int b = 0; b < AGE_BANDS.length; b++) {
          sum[b] += bands[b];
        }
      }
      population.put(code, years);

      double childcare = 89 + random.nextDouble() * 6;
      boolean rising = code.equals(RISING_DISTRICT);
      double leavers = rising ? 6 : 4 + random.nextDouble() * 3.5;
      double leaversTrend = rising ? 0.9 : -0.1 + random.nextDouble() * 0.2;
      double furtherEducation = code.equals(LAGGING_DISTRICT) ? 34 : 46 + random.nextDouble() * 10;
      double vhs = 60 + random.nextDouble() * 50;
      double reach = 4 + random.nextDouble() * 6;
      for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        int t = year - FIRST_YEAR;
        long[] bands = years.get(year);
        long total = 0;
        for (long persons : bands) {
          total += persons;
        }
        boolean pandemic = year == 2020 || year == 2021;
        long children = Math.round(bands[0] * 0.55);
        add(
            values,
            cityValues,
            "CHILDCARE_RATE_3_TO_6",
            code,
            year,
            rate(children, childcare + 0.3 * t + noise(random, 0.6)),
            children);
        long leaving = Math.round(bands[3] * 0.11);
        add(
            values,
            cityValues,
            "SCHOOL_LEAVERS_NO_CERTIFICATE",
            code,
            year,
            rate(leaving, leavers + leaversTrend * t + noise(random, 0.3)),
            leaving);
        long surveyed = 150 + random.nextInt(150);
        add(
            values,
            cityValues,
            "FURTHER_EDUCATION_PARTICIPATION",
            code,
            year,
            rate(surveyed, furtherEducation + 0.8 * t - (pandemic ? 7 : 0) + noise(random, 1.5)),
            surveyed);
        add(
            values,
            cityValues,
            "VHS_ENROLMENTS_PER_1000",
            code,
            year,
            Math.round(total * (vhs * (pandemic ? 0.6 : 1) + 2 * t + noise(random, 3)) / 1000),
            null);
        add(
            values,
            cityValues,
            "COUNSELLING_REACH",
            code,
            year,
            Math.round(total * (reach * (year >= 2023 ? 1.5 : 1) + 0.2 * t) / 1000),
            null);
      }
    }
    population.put("city", city);
    values.addAll(cityValues.values());

    List<Rule> rules =
        List.of(
            new Rule(
                "SCHOOL_LEAVERS_NO_CERTIFICATE",
                "{\"kind\":\"ABOVE\",\"threshold\":%s,\"importance\":\"HIGH\"}"
                    .formatted(LEAVERS_THRESHOLD)),
            new Rule(
                "CHILDCARE_RATE_3_TO_6",
                "{\"kind\":\"BELOW\",\"threshold\":85,\"importance\":\"MEDIUM\"}"),
            new Rule(
                "FURTHER_EDUCATION_PARTICIPATION",
                "{\"kind\":\"DEVIATION_FROM_CITY\",\"threshold\":%s,\"importance\":\"MEDIUM\"}"
                    .formatted(DEVIATION_THRESHOLD)));
    return new Plan(population, values, rules);
  }

  private static long rate(long of, double percent) {
    return Math.round(of * Math.max(0, Math.min(100, percent)) / 100);
  }

  private static double noise(Random random, double spread) {
    return random.nextGaussian() * spread;
  }

  private static void add(
      List<Value> values,
      Map<String, Value> cityValues,
      String indicator,
      String area,
      int year,
      long numerator,
      Long denominator) {
    Value value = new Value(indicator, area, year, numerator, denominator);
    values.add(value);
    cityValues.merge(
        indicator + "/" + year,
        new Value(indicator, "city", year, numerator, denominator),
        (sum, more) ->
            new Value(
                indicator,
                "city",
                year,
                sum.numerator() + more.numerator(),
                sum.denominator() == null ? null : sum.denominator() + more.denominator()));
  }

  @Override
  public void load(StackEndpoints endpoints) throws Exception {
    URI monitoring = endpoints.service("monitoring-service");
    DemoHttp http = new DemoHttp(endpoints.tokenEndpoint());
    String analyst = http.userToken("analyst1");
    for (String[] district : DemoCity.districts()) {
      http.send(
          "PUT",
          monitoring.resolve("/v1/areas/" + district[0]),
          analyst,
          "application/json",
          "{\"name\":%s,\"level\":\"DISTRICT\",\"parent\":\"city\"}"
              .formatted(DemoHttp.quote(district[1])),
          Set.of(200, 201));
    }
    http.send(
        "PUT",
        monitoring.resolve("/v1/indicators/COUNSELLING_REACH"),
        analyst,
        "application/json",
        COUNSELLING_REACH,
        Set.of(200, 201));
    Plan plan = plan(SEED);
    for (String csv : List.of(plan.populationCsv(), plan.valuesCsv())) {
      http.send("POST", monitoring.resolve("/v1/imports"), analyst, "text/csv", csv, Set.of(200));
    }
    // Rules are evaluated once when created, so they come after the values. An indicator that
    // has rules already got them from an earlier, interrupted load.
    for (Rule rule : plan.rules()) {
      URI rules = monitoring.resolve("/v1/indicators/" + rule.indicator() + "/rules");
      if (!http.send("GET", rules, analyst, null, null, Set.of(200)).body().strip().equals("[]")) {
        continue;
      }
      http.send("POST", rules, analyst, "application/json", rule.json(), Set.of(201));
    }
  }
}

package org.lernstadt.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lernstadt.democity.DemoCity;
import org.lernstadt.local.MonitoringDemoData.Value;
import org.lernstadt.local.ParticipationDemoData.Dialogue;

/**
 * The demo data the loaders submit, checked without a running stack: its shape (Dresden's 76
 * contributions, 6 comments and 195 ratings), that the services' rules will accept it (rate limits,
 * one rating per citizen and contribution, citizens the realm has), that the monitoring series
 * raise exactly the intended alerts, and that it is the same on every start.
 */
class DemoDataPlanTest {

  private static final int BURST = 5; // the participation service's contribution burst

  @Test
  void closedDialogueHasDresdensSizeAndAnswers() {
    Dialogue closed = ParticipationDemoData.plan(ParticipationDemoData.SEED).closed();
    assertEquals(76, closed.contributions().size());
    assertEquals(6, closed.comments().size());
    assertEquals(195, closed.ratings().size());
    assertEquals(8, closed.answers().size());
    assertEquals(
        closed.answers().size(),
        closed.answers().stream().map(ParticipationDemoData.Answer::to).distinct().count());
    assertTrue(closed.categories().containsAll(closed.categoryAnswers().keySet()));

    Set<String> categories = new HashSet<>();
    Set<String> districts = new HashSet<>();
    closed
        .contributions()
        .forEach(
            c -> {
              categories.add(c.category());
              districts.add(c.district());
            });
    assertTrue(categories.size() >= 6, "spread over categories: " + categories);
    assertTrue(districts.size() >= 12, "spread over districts: " + districts);
    assertTrue(districts.contains(null), "some are about the whole city");
    assertEquals(
        1, closed.comments().stream().filter(c -> c.parent() != null).count(), "one reply");
  }

  @Test
  void everyDialogueKeepsTheServicesRules() {
    ParticipationDemoData.Plan plan = ParticipationDemoData.plan(ParticipationDemoData.SEED);
    for (Dialogue d : List.of(plan.closed(), plan.open())) {
      Map<Integer, Long> perAuthor =
          d.contributions().stream()
              .collect(
                  Collectors.groupingBy(
                      ParticipationDemoData.Contribution::author, Collectors.counting()));
      assertTrue(
          perAuthor.values().stream().allMatch(n -> n <= BURST),
          () -> d.title() + ": within the burst " + perAuthor);
      Set<String> pairs = new HashSet<>();
      for (ParticipationDemoData.Rating r : d.ratings()) {
        assertTrue(pairs.add(r.of() + "/" + r.rater()), "one rating per citizen and contribution");
        assertNotEquals(d.contributions().get(r.of()).author(), r.rater(), "not one's own");
        assertTrue(r.value() == 1 || r.value() == -1);
      }
      for (ParticipationDemoData.Contribution c : d.contributions()) {
        assertCitizen(c.author());
        assertTrue(c.text().length() <= 2_000);
        assertTrue(d.categories().contains(c.category()));
        if (c.district() != null) {
          assertEquals(c.district(), DemoCity.districtAt(c.lat(), c.lon()), "place in district");
        }
      }
      d.ratings().forEach(r -> assertCitizen(r.rater()));
      d.comments().forEach(c -> assertCitizen(c.author()));
    }
    assertEquals(3, plan.events().size());
    ParticipationDemoData.Event kickOff =
        plan.events().stream().filter(e -> e.kind().equals("KICK_OFF")).findFirst().orElseThrow();
    assertEquals(140, kickOff.capacity());
    assertTrue(kickOff.inDays() > 0, "registration is open until it begins");
    for (ParticipationDemoData.Event e : plan.events()) {
      assertEquals(e.registrants().size(), Set.copyOf(e.registrants()).size());
      assertTrue(e.registrants().size() <= e.capacity());
      e.registrants().forEach(DemoDataPlanTest::assertCitizen);
      assertTrue(e.attendance() == null || e.inDays() < 0, "attendance only after the event");
    }
  }

  @Test
  void theRealmHasEveryCitizenTheDemoNeeds() throws Exception {
    String realm = Files.readString(Path.of("../keycloak/lernstadt-realm.json"));
    for (int n = 1; n <= ParticipationDemoData.CITIZENS; n++) {
      assertTrue(realm.contains("\"username\": \"citizen" + n + "\""), "citizen" + n);
    }
  }

  @Test
  void monitoringHasPopulationAndSeriesForEveryDistrictAndTheCity() {
    MonitoringDemoData.Plan plan = MonitoringDemoData.plan(MonitoringDemoData.SEED);
    Set<String> areas = new TreeSet<>();
    DemoCity.districts().forEach(d -> areas.add(d[0]));
    areas.add("city");
    assertEquals(areas, new TreeSet<>(plan.population().keySet()));

    String[] population = plan.populationCsv().split("\n");
    int years = MonitoringDemoData.LAST_POPULATION_YEAR - MonitoringDemoData.FIRST_YEAR + 1;
    assertEquals(1 + areas.size() * years * 8, population.length);
    // The city's population is the sum of its districts'.
    long districts = 0;
    long city = 0;
    for (String line : population) {
      if (line.contains(",2025,TOTAL,")) {
        long persons = Long.parseLong(line.substring(line.lastIndexOf(',') + 1));
        if (line.startsWith("city,")) {
          city = persons;
        } else {
          districts += persons;
        }
      }
    }
    assertEquals(districts, city);
    assertTrue(city > 200_000 && city < 500_000, "a city of some 300,000: " + city);

    Map<String, Set<Integer>> seriesYears = new TreeMap<>();
    for (Value v : plan.values()) {
      seriesYears
          .computeIfAbsent(v.indicator() + "/" + v.area(), k -> new TreeSet<>())
          .add(v.year());
      assertTrue(v.numerator() >= 0);
      assertTrue(v.denominator() == null || v.numerator() <= v.denominator(), v::toString);
    }
    assertEquals(5 * areas.size(), seriesYears.size());
    Set<Integer> expectedYears = new TreeSet<>();
    for (int y = MonitoringDemoData.FIRST_YEAR; y <= MonitoringDemoData.LAST_YEAR; y++) {
      expectedYears.add(y);
    }
    seriesYears.forEach((series, ys) -> assertEquals(expectedYears, ys, series));
    assertEquals(1 + plan.values().size(), plan.valuesCsv().split("\n").length);
  }

  @Test
  void exactlyTheIntendedDistrictsCrossTheirThresholds() {
    MonitoringDemoData.Plan plan = MonitoringDemoData.plan(MonitoringDemoData.SEED);
    int last = MonitoringDemoData.LAST_YEAR;

    Map<String, Double> leavers = percentages(plan, "SCHOOL_LEAVERS_NO_CERTIFICATE", last);
    Set<String> above =
        leavers.entrySet().stream()
            .filter(e -> e.getValue() > MonitoringDemoData.LEAVERS_THRESHOLD)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertEquals(Set.of(MonitoringDemoData.RISING_DISTRICT), above, leavers.toString());
    double first =
        percentages(plan, "SCHOOL_LEAVERS_NO_CERTIFICATE", MonitoringDemoData.FIRST_YEAR)
            .get(MonitoringDemoData.RISING_DISTRICT);
    assertTrue(first < MonitoringDemoData.LEAVERS_THRESHOLD, "it crossed the line: " + first);

    Map<String, Double> further = percentages(plan, "FURTHER_EDUCATION_PARTICIPATION", last);
    double cityValue = further.get("city");
    Set<String> lagging =
        further.entrySet().stream()
            .filter(
                e ->
                    100 * (cityValue - e.getValue()) / cityValue
                        > MonitoringDemoData.DEVIATION_THRESHOLD)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    assertEquals(Set.of(MonitoringDemoData.LAGGING_DISTRICT), lagging, further.toString());

    assertTrue(
        percentages(plan, "CHILDCARE_RATE_3_TO_6", last).values().stream().allMatch(v -> v >= 85),
        "the childcare rule stays quiet");
  }

  @Test
  void theSameSeedGivesTheSameData() {
    assertEquals(
        ParticipationDemoData.plan(ParticipationDemoData.SEED),
        ParticipationDemoData.plan(ParticipationDemoData.SEED));
    assertEquals(
        MonitoringDemoData.plan(MonitoringDemoData.SEED).valuesCsv(),
        MonitoringDemoData.plan(MonitoringDemoData.SEED).valuesCsv());
    assertEquals(
        MonitoringDemoData.plan(MonitoringDemoData.SEED).populationCsv(),
        MonitoringDemoData.plan(MonitoringDemoData.SEED).populationCsv());
    assertNotEquals(
        ParticipationDemoData.plan(ParticipationDemoData.SEED),
        ParticipationDemoData.plan(ParticipationDemoData.SEED + 1));
  }

  private static Map<String, Double> percentages(
      MonitoringDemoData.Plan plan, String indicator, int year) {
    Map<String, Double> percent = new HashMap<>();
    for (Value v : plan.values()) {
      if (v.indicator().equals(indicator) && v.year() == year) {
        percent.put(v.area(), 100.0 * v.numerator() / v.denominator());
      }
    }
    return percent;
  }

  private static void assertCitizen(int number) {
    assertTrue(
        number >= 1 && number <= ParticipationDemoData.CITIZENS,
        "citizen" + number + " is in the realm");
  }
}

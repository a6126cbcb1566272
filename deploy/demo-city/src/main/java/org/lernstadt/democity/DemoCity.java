package org.lernstadt.democity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A demo city: districts as a grid over its extent, institutions, and offers as partner push items
 * (German titles and descriptions from word lists, topics, life phases, costs and one to three
 * dates at points inside the city). Deterministic for a seed, so runs compare.
 */
public final class DemoCity {

  /** The demo city's extent; {@link #districts()} cuts it into a grid. */
  public static final double WEST = 13.60;

  public static final double EAST = 13.90;
  public static final double SOUTH = 50.95;
  public static final double NORTH = 51.15;
  static final int COLUMNS = 5;
  static final int ROWS = 4;

  private static final String[] SUBJECTS = {
    "Töpfern",
    "Programmieren",
    "Englisch",
    "Spanisch",
    "Arabisch",
    "Deutsch als Zweitsprache",
    "Erste Hilfe",
    "Yoga",
    "Fotografie",
    "Stadtgeschichte",
    "Gärtnern",
    "Kochen",
    "Nähen",
    "Schach",
    "Malen",
    "Theater",
    "Robotik",
    "Klimaschutz",
    "Bewerbungstraining",
    "Buchhaltung",
    "Smartphone",
    "Internet-Sicherheit",
    "Elternkompetenz",
    "Lesen und Schreiben",
    "Mathematik",
    "Chor",
    "Imkerei",
    "Reparieren",
    "Energie sparen",
    "Vorlesen"
  };
  private static final String[] FORMATS = {
    "Kurs",
    "Workshop",
    "Grundkurs",
    "Aufbaukurs",
    "Werkstatt",
    "Treff",
    "Café",
    "Vortrag",
    "Seminar",
    "Lernwerkstatt"
  };
  private static final String[] AUDIENCES = {
    "für Anfänger", "für Fortgeschrittene", "für Eltern", "für Senioren", "für Kinder",
    "für Jugendliche", "für Familien", "für alle", "für Neuzugewanderte", "am Abend"
  };
  private static final String[] TOPICS = {
    "SUSTAINABLE_DEVELOPMENT",
    "DIGITAL_SKILLS",
    "LANGUAGES",
    "CULTURE",
    "HEALTH",
    "VOCATIONAL",
    "PARENTING",
    "CIVIC",
    "SCIENCE",
    "BASIC_SKILLS"
  };
  private static final String[] PHASES = {
    "EARLY_CHILDHOOD", "SCHOOL_AGE", "SCHOOL_TO_WORK", "ADULTS", "PARENTS", "SENIORS"
  };
  private static final String[] GROUPS = {
    "CHILDREN", "YOUTH", "ADULTS", "PARENTS", "FAMILIES", "SENIORS", "JOB_SEEKERS", "NEWCOMERS"
  };
  private static final String[] MODALITIES = {"ON_SITE", "ON_SITE", "ON_SITE", "ONLINE", "HYBRID"};

  private final Random random;
  private final OffsetDateTime start;

  private static final String[] INSTITUTION_KINDS = {
    "ADULT_EDUCATION_CENTRE",
    "LIBRARY",
    "MUSEUM",
    "SCHOOL",
    "DAY_CARE_CENTRE",
    "UNIVERSITY",
    "CLUB",
    "COMPANY",
    "COUNSELLING_CENTRE",
    "OTHER"
  };
  private static final String[] INSTITUTION_NAMES = {
    "Stadtteilbibliothek",
    "Kita Sonnenschein",
    "Grundschule am Park",
    "Museum für Stadtgeschichte",
    "Jugendkunstschule",
    "Seniorenakademie",
    "Repair-Café",
    "Familienzentrum",
    "Sportverein",
    "Musikschule",
    "Technische Hochschule",
    "Gemeinschaftsgarten",
    "Bürgerhaus",
    "Volkssternwarte",
    "Makerspace",
    "Oberschule",
    "Handwerkskammer",
    "Bildungsberatung",
    "Naturschutzstation",
    "Theaterwerkstatt"
  };

  public DemoCity(long seed, OffsetDateTime start) {
    this.random = new Random(seed);
    this.start = start.withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** The code of the district of {@link #districts()} a point of the city lies in. */
  public static String districtAt(double lat, double lon) {
    int c = (int) Math.floor((lon - WEST) / ((EAST - WEST) / COLUMNS));
    int r = (int) Math.floor((lat - SOUTH) / ((NORTH - SOUTH) / ROWS));
    if (c < 0 || c >= COLUMNS || r < 0 || r >= ROWS) {
      throw new IllegalArgumentException("Not in the demo city: " + lat + ", " + lon);
    }
    return "d" + (r * COLUMNS + c + 1);
  }

  /** The districts as {@code code → GeoJSON polygon}, a grid over the city. */
  public static List<String[]> districts() {
    List<String[]> districts = new ArrayList<>();
    double width = (EAST - WEST) / COLUMNS;
    double height = (NORTH - SOUTH) / ROWS;
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < COLUMNS; c++) {
        double w = WEST + c * width;
        double s = SOUTH + r * height;
        String ring =
            "[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]"
                .formatted(w, s, w + width, s, w + width, s + height, w, s + height, w, s);
        districts.add(
            new String[] {
              "d" + (r * COLUMNS + c + 1),
              "Stadtteil " + (r * COLUMNS + c + 1),
              "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}"
            });
      }
    }
    return districts;
  }

  /**
   * An institution as the editors' API registers it: key, name, kind and a location in the city, as
   * {@code POST /v1/providers} JSON.
   */
  public String institution(int number) {
    String name = INSTITUTION_NAMES[number % INSTITUTION_NAMES.length] + " " + (1 + number / 20);
    String kind = INSTITUTION_KINDS[number % INSTITUTION_KINDS.length];
    double lat = SOUTH + random.nextDouble() * (NORTH - SOUTH);
    double lon = WEST + random.nextDouble() * (EAST - WEST);
    return ("{\"key\":\"demo-%d\",\"name\":\"%s\",\"kind\":\"%s\","
            + "\"address\":{\"street\":\"Lernweg %d\",\"postalCode\":\"01067\","
            + "\"city\":\"Lernstadt\"},\"location\":{\"lat\":%.5f,\"lon\":%.5f},"
            + "\"website\":\"https://demo-%d.example\",\"accessibility\":[\"STEP_FREE\"]}")
        .formatted(number, name, kind, 1 + number, lat, lon, number);
  }

  /** One push item (an offer plus its externalId) as JSON. */
  public String next(String externalId) {
    String subject = pick(SUBJECTS);
    String title = subject + " " + pick(FORMATS) + " " + pick(AUDIENCES);
    String modality = pick(MODALITIES);
    boolean free = random.nextInt(3) == 0;
    int fee = 500 + random.nextInt(120) * 100;
    StringBuilder sessions = new StringBuilder("[");
    int dates = 1 + random.nextInt(3);
    OffsetDateTime day = start.plusDays(random.nextInt(180)).withHour(8 + random.nextInt(11));
    for (int i = 0; i < dates; i++) {
      OffsetDateTime from = day.plusWeeks(i);
      double lat = SOUTH + random.nextDouble() * (NORTH - SOUTH);
      double lon = WEST + random.nextDouble() * (EAST - WEST);
      if (i > 0) {
        sessions.append(',');
      }
      sessions.append(
          "{\"start\":\"%s\",\"end\":\"%s\"%s%s}"
              .formatted(
                  from,
                  from.plusMinutes(90),
                  modality.equals("ONLINE")
                      ? ""
                      : ",\"address\":\"Lernweg %d\",\"location\":{\"lat\":%.5f,\"lon\":%.5f}"
                          .formatted(1 + random.nextInt(200), lat, lon),
                  modality.equals("ON_SITE") ? "" : ",\"onlineUrl\":\"https://lernen.example/r\""));
    }
    sessions.append(']');
    return ("{\"externalId\":\"%s\",\"title\":\"%s\",\"description\":\"%s\",\"topics\":[%s],"
            + "\"sdgs\":[4],\"targetGroups\":[%s],\"lifePhases\":[%s],\"languages\":[\"de\"],"
            + "\"modality\":\"%s\",\"cost\":%s,\"status\":\"PUBLISHED\",\"capacity\":%d,"
            + "\"sessions\":%s}")
        .formatted(
            externalId,
            title,
            "In diesem Angebot geht es um " + subject + ". Wir lernen gemeinsam und in Ruhe.",
            quoted(pickSome(TOPICS, 2)),
            quoted(pickSome(GROUPS, 2)),
            quoted(pickSome(PHASES, 2)),
            modality,
            free ? "{\"kind\":\"FREE\"}" : "{\"kind\":\"FEE\",\"feeCents\":" + fee + "}",
            8 + random.nextInt(20),
            sessions);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private List<String> pickSome(String[] values, int most) {
    int n = 1 + random.nextInt(most);
    List<String> picked = new ArrayList<>();
    while (picked.size() < n) {
      String v = pick(values);
      if (!picked.contains(v)) {
        picked.add(v);
      }
    }
    return picked;
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
  }
}

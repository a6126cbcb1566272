package org.lernstadt.reliability;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.ServiceApplication;
import org.lernstadt.platform.testing.Tokens;

/**
 * The services under test, started once per test JVM as real applications (their {@code
 * target/quarkus-app}) against the test JVM's PostgreSQL, Kafka and Keycloak, each with its own
 * database. Test classes share them and keep apart by working in their own districts.
 */
final class Platform {

  static final Duration START = Duration.ofMinutes(3);
  static final String CATALOGUE_DB = "rel_catalogue";
  static final String MONITORING_DB = "rel_monitoring";
  static final String COUNSELING_DB = "rel_counseling";
  static final String PARTICIPATION_DB = "rel_participation";
  static final String OFFERS = "catalogue.offers.v1";

  /** The year of every offer's dates here; monitoring counts offers per district and year. */
  static final int YEAR = 2027;

  /** The year of what citizens do now (contributions count in the year they were made). */
  static final int THIS_YEAR = java.time.Year.now().getValue();

  private static final AtomicInteger DISTRICTS = new AtomicInteger();
  private static ServiceApplication catalogue;
  private static ServiceApplication monitoring;
  private static ServiceApplication counseling;
  private static ServiceApplication participation;

  private Platform() {}

  static synchronized void start() {
    if (catalogue != null) {
      return;
    }
    CompletableFuture.allOf(
            CompletableFuture.runAsync(PostgresTestResource::server),
            CompletableFuture.runAsync(KafkaTestResource::server),
            CompletableFuture.runAsync(KeycloakTestResource::server))
        .join();
    // A killed consumer's group membership ends after the session timeout; the broker's minimum
    // (6 s) instead of the default 45 s lets the restarted consumer take its partitions sooner.
    String shortSession =
        "-Dmp.messaging.incoming.monitoring-in.session.timeout.ms=6000"
            + " -Dmp.messaging.incoming.monitoring-in.heartbeat.interval.ms=1000";
    var c = async("catalogue-service", CATALOGUE_DB, Map.of());
    var m = async("monitoring-service", MONITORING_DB, Map.of("JAVA_TOOL_OPTIONS", shortSession));
    var s = async("counseling-service", COUNSELING_DB, Map.of());
    var p = async("participation-service", PARTICIPATION_DB, Map.of());
    catalogue = c.join();
    monitoring = m.join();
    counseling = s.join();
    participation = p.join();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    List.of(catalogue, monitoring, counseling, participation)
                        .forEach(ServiceApplication::close),
                "reliability-services-stop"));
  }

  private static CompletableFuture<ServiceApplication> async(
      String module, String database, Map<String, String> env) {
    return CompletableFuture.supplyAsync(
        () -> ServiceApplication.start(module, database, START, env));
  }

  static ServiceApplication catalogue() {
    start();
    return catalogue;
  }

  static ServiceApplication monitoring() {
    start();
    return monitoring;
  }

  static ServiceApplication participation() {
    start();
    return participation;
  }

  static ServiceApplication counseling() {
    start();
    return counseling;
  }

  /**
   * A district of its own for one test: a square in the catalogue (offers located in it belong to
   * it) and an area with 1,000 inhabitants in {@link #YEAR} in monitoring.
   */
  record District(String code, double lat, double lon) {

    static District create(String prefix) {
      District district = inCatalogue(CATALOGUE_DB, prefix);
      district.inMonitoring();
      return district;
    }

    /** The district's square (and the partner's provider) in a catalogue database only. */
    static District inCatalogue(String database, String prefix) {
      start();
      int n = DISTRICTS.incrementAndGet();
      String code = prefix + "-" + n;
      double lon = 20.0 + n;
      double lat = 50.0;
      String square =
          "((%s,%s),(%s,%s),(%s,%s),(%s,%s))"
              .formatted(lon, lat, lon + 0.1, lat, lon + 0.1, lat + 0.1, lon, lat + 0.1);
      String geometry =
          "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
              .formatted(lon, lat, lon + 0.1, lat, lon + 0.1, lat + 0.1, lon, lat + 0.1, lon, lat);
      execute(
          database,
          "insert into district (code, name, boundary, geometry) values (?, ?, polygon '"
              + square
              + "', cast(? as jsonb))",
          code,
          code,
          geometry);
      execute(
          database,
          "insert into provider (id, key, name, kind) values"
              + " (gen_random_uuid(), 'vhs-demo', 'Volkshochschule', 'ADULT_EDUCATION_CENTRE')"
              + " on conflict (key) do nothing");
      return new District(code, lat + 0.05, lon + 0.05);
    }

    private void inMonitoring() {
      given()
          .baseUri(monitoring().url().toString())
          .auth()
          .oauth2(analyst())
          .contentType(ContentType.JSON)
          .body(Map.of("name", "Stadtteil " + code, "level", "DISTRICT", "parent", "city"))
          .put("/v1/areas/" + code)
          .then()
          .statusCode(200);
      given()
          .baseUri(monitoring().url().toString())
          .auth()
          .oauth2(analyst())
          .contentType("text/csv")
          .body(
              ("area,year,ageBand,persons\n"
                      + (code + "," + YEAR + ",TOTAL,1000\n")
                      + (THIS_YEAR == YEAR ? "" : code + "," + THIS_YEAR + ",TOTAL,1000\n"))
                  .getBytes(StandardCharsets.UTF_8))
          .post("/v1/imports")
          .then()
          .statusCode(200);
    }

    /** One published offer with one date in {@link #YEAR} in this district, as a bulk item. */
    String offer(String externalId) {
      return "{\"externalId\": \""
          + externalId
          + "\", "
          + offerBody("Kurs " + externalId).substring(1);
    }

    /** One published offer with one date in {@link #YEAR} in this district, for a single push. */
    String offerBody(String title) {
      return """
          {"title": "%s", "description": "Ein Kurs im Stadtteil",
           "topics": ["DIGITAL_SKILLS"], "sdgs": [4], "targetGroups": ["ADULTS"],
           "lifePhases": ["ADULTS"], "languages": ["de"], "modality": "ON_SITE",
           "cost": {"kind": "FREE"}, "accessibility": ["STEP_FREE"],
           "registrationUrl": "https://vhs.example/anmeldung", "capacity": 10,
           "status": "PUBLISHED",
           "sessions": [{"start": "%d-03-01T17:00:00+01:00", "end": "%d-03-01T19:00:00+01:00",
             "address": "Marktplatz 1", "location": {"lat": %s, "lon": %s}}]}
          """
          .formatted(title, YEAR, YEAR, lat, lon);
    }

    /** Pushes {@code count} new offers in one bulk request; returns how many were created. */
    int push(String prefix, int count) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        items.add(offer(prefix + "-" + i));
      }
      JsonPath report =
          given()
              .baseUri(catalogue().url().toString())
              .config(
                  RestAssured.config()
                      .encoderConfig(
                          EncoderConfig.encoderConfig()
                              .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
              .auth()
              .oauth2(Tokens.forPartner("partner-vhs"))
              .contentType("application/x-ndjson")
              .body(String.join("\n", items.stream().map(s -> s.replace("\n", " ")).toList()))
              .post("/v1/partner/offers/bulk")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      return report.getInt("summary.created");
    }

    /** The numerator of an events indicator's total for this district in {@link #YEAR}. */
    Integer numerator(String indicator) {
      return numerator(indicator, YEAR);
    }

    /** The numerator of an events indicator's total for this district in {@code year}. */
    Integer numerator(String indicator, int year) {
      List<Map<String, Object>> values =
          given()
              .baseUri(monitoring().url().toString())
              .auth()
              .oauth2(analyst())
              .queryParam("area", code)
              .queryParam("from", year)
              .queryParam("to", year)
              .queryParam("dimension", "total")
              .get("/v1/indicators/" + indicator + "/values")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .getList("values");
      if (values.isEmpty()) {
        return null;
      }
      Object numerator = values.getFirst().get("numerator");
      return numerator == null ? null : ((Number) numerator).intValue();
    }
  }

  static String analyst() {
    return Tokens.forUser("analyst1");
  }

  static Connection connect(String database) throws SQLException {
    PostgresServer pg = PostgresTestResource.server();
    return DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
  }

  static void execute(String database, String sql, Object... params) {
    try (Connection c = connect(database);
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first column of every row of a query, as text. */
  static List<String> column(String database, String sql, Object... params) {
    try (Connection c = connect(database);
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static long count(String database, String sql, Object... params) {
    return Long.parseLong(column(database, sql, params).getFirst());
  }
}

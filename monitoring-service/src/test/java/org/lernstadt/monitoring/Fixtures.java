package org.lernstadt.monitoring;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.lernstadt.platform.testing.Tokens;

/**
 * Helpers of the monitoring tests. The test classes share one database, so each test works in its
 * own districts and its own years, and defines its own indicators where it needs them.
 */
public final class Fixtures {

  private static final AtomicInteger YEARS = new AtomicInteger(2040);

  private Fixtures() {}

  public static String analyst() {
    return Tokens.forUser("analyst1");
  }

  public static String admin() {
    return Tokens.forUser("admin1");
  }

  /** A code no other test uses, e.g. {@code imp-3f2a9c}. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** A year no other test uses, so the city's totals of that year are this test's alone. */
  public static int year() {
    return YEARS.getAndIncrement();
  }

  /** Creates a district under the city. */
  public static String district(String prefix) {
    String code = unique(prefix);
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(Map.of("name", "Stadtteil " + code, "level", "DISTRICT", "parent", "city"))
        .put("/v1/areas/" + code)
        .then()
        .statusCode(200);
    return code;
  }

  /** Defines an imported indicator. */
  public static String importedIndicator(String prefix, int minCellSize, String disaggregation) {
    String code = (prefix + "_" + UUID.randomUUID().toString().substring(0, 6)).toUpperCase();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Test " + code);
    body.put("description", "for a test");
    body.put("topicArea", "SCHOOL");
    body.put("unit", "%");
    body.put("polarity", "HIGHER_IS_BETTER");
    body.put("numerator", "pupils");
    body.put("denominator", "all pupils");
    body.put("factor", 100);
    body.put("periodType", "YEAR");
    body.put("source", "IMPORT");
    body.put("sourceName", "Schulstatistik");
    body.put(
        "disaggregations",
        disaggregation == null ? java.util.List.of() : java.util.List.of(disaggregation));
    body.put("minCellSize", minCellSize);
    body.put("decimals", 1);
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(body)
        .put("/v1/indicators/" + code)
        .then()
        .statusCode(200);
    return code;
  }

  public static ValidatableResponse importCsv(String csv, boolean dryRun) {
    return given()
        .auth()
        .oauth2(analyst())
        .contentType("text/csv")
        .body(csv.getBytes(StandardCharsets.UTF_8))
        .queryParam("dryRun", dryRun)
        .post("/v1/imports")
        .then();
  }

  /** A CloudEvent in Kafka binary mode, with the headers the platform's outbox relay sets. */
  public static ProducerRecord<String, String> cloudEvent(
      String topic, String key, String type, String eventId, String json) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
    header(record, "ce_id", eventId);
    header(record, "ce_type", type);
    header(
        record, "ce_source", "/lernstadt/" + topic.substring(0, topic.indexOf('.')) + "-service");
    header(record, "ce_specversion", "1.0");
    header(record, "ce_time", OffsetDateTime.now().toString());
    header(record, "ce_subject", key);
    header(record, "content-type", "application/json");
    return record;
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}

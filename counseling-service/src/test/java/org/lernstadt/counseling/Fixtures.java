package org.lernstadt.counseling;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/** Shared test data: the demo centres and users, slots, raw database access, broker records. */
public final class Fixtures {

  public static final String CENTRE_1 = "10000000-0000-4000-8000-000000000001";
  public static final String CENTRE_2 = "10000000-0000-4000-8000-000000000002";
  public static final String COUNSELOR_1 = "00000000-0000-4000-8000-000000000201";
  public static final String COUNSELOR_2 = "00000000-0000-4000-8000-000000000202";
  public static final String LEAD_1 = "00000000-0000-4000-8000-000000000203";
  public static final String DPO_1 = "00000000-0000-4000-8000-000000000601";

  public static final ObjectMapper JSON = new ObjectMapper();

  /** Slots of different tests must not overlap for one counsellor: each takes its own hour. */
  private static final AtomicLong NEXT_HOUR = new AtomicLong();

  private static final OffsetDateTime BASE =
      OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.HOURS);

  private Fixtures() {}

  public static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON);
  }

  /** The start of a fresh hour, far enough ahead to be cancellable, used by no other test. */
  public static OffsetDateTime freshHour() {
    return BASE.plusHours(NEXT_HOUR.getAndIncrement() * 2);
  }

  /** Publishes a slot as the user in the centre; returns its id. */
  public static String slot(
      String user, String centre, OffsetDateTime start, int minutes, String format) {
    return as(user)
        .body(
            Map.of(
                "start", start.toString(),
                "end", start.plusMinutes(minutes).toString(),
                "format", format))
        .post("/v1/centres/" + centre + "/slots")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static Connection connect() throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    return DriverManager.getConnection(pg.jdbcUrl("counseling"), pg.user(), pg.password());
  }

  /** The rows of a query, each as a map from column to value. */
  public static List<Map<String, Object>> query(String sql, Object... params) throws Exception {
    try (Connection c = connect();
        PreparedStatement q = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        q.setObject(i + 1, params[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        int n = r.getMetaData().getColumnCount();
        while (r.next()) {
          Map<String, Object> row = new java.util.LinkedHashMap<>();
          for (int i = 1; i <= n; i++) {
            row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  public static long count(String sql, Object... params) throws Exception {
    return ((Number) query(sql, params).get(0).values().iterator().next()).longValue();
  }

  public static void execute(String sql) throws Exception {
    try (Connection c = connect()) {
      c.createStatement().execute(sql);
    }
  }

  public static JsonNode body(ConsumerRecord<String, String> record) {
    try {
      return JSON.readTree(record.value());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + record.value(), e);
    }
  }

  /** Everything a record carries: key, headers and body, as one string to search. */
  public static String everything(ConsumerRecord<String, String> record) {
    StringBuilder all = new StringBuilder(String.valueOf(record.key())).append(' ');
    record.headers().forEach(h -> all.append(h.key()).append('=').append(new String(h.value())));
    return all.append(' ').append(record.value()).toString();
  }
}

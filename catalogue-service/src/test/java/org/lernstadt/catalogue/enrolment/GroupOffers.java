package org.lernstadt.catalogue.enrolment;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.lernstadt.catalogue.enrolment.event.EnrolmentEvents;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.Topics;

/**
 * Offers with a group to enrol in, made through the partner API, and what the enrolment tests read
 * from the database and the broker.
 */
public final class GroupOffers {

  static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private GroupOffers() {}

  /** The providers of the demo partner clients and a district (the editors' API is elsewhere). */
  public static void providersAndADistrict() throws Exception {
    try (Connection c = connect()) {
      c.createStatement()
          .execute(
              "insert into provider (id, key, name, kind) values"
                  + " (gen_random_uuid(), 'vhs-demo', 'Volkshochschule', 'ADULT_EDUCATION_CENTRE'),"
                  + " (gen_random_uuid(), 'library-demo', 'Stadtbibliothek', 'LIBRARY')"
                  + " on conflict (key) do nothing");
      c.createStatement()
          .execute(
              "insert into district (code, name, boundary, geometry) values ('mitte', 'Mitte',"
                  + " polygon '((13.0,52.0),(13.1,52.0),(13.1,52.1),(13.0,52.1))', '{}')"
                  + " on conflict (code) do nothing");
    }
  }

  /** A parent training group in Mitte; {@code capacity} null for an offer without one. */
  public static String body(Integer capacity, String status) {
    return """
        {"title": "Elternkurs Starke Eltern", "description": "Elterntraining in kleiner Gruppe",
         "topics": ["PARENTING"], "targetGroups": ["PARENTS"], "lifePhases": ["PARENTS"],
         "languages": ["de"], "modality": "ON_SITE", "cost": {"kind": "FREE"},
         "capacity": %s, "status": "%s",
         "sessions": [{"start": "2027-03-01T17:00:00+01:00", "end": "2027-03-01T19:00:00+01:00",
           "address": "Marktplatz 1", "location": {"lat": 52.05, "lon": 13.05}}]}
        """
        .formatted(capacity == null ? "null" : capacity.toString(), status);
  }

  /** Creates or replaces the partner's offer; returns its id. */
  public static String put(String partner, String externalId, Integer capacity, String status) {
    return given()
        .auth()
        .oauth2(Tokens.forPartner(partner))
        .contentType(ContentType.JSON)
        .body(body(capacity, status))
        .put("/v1/partner/offers/" + externalId)
        .then()
        .statusCode(
            org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)))
        .extract()
        .path("id");
  }

  /** A new published group of the VHS with this capacity; returns the offer id. */
  static String group(int capacity) {
    return put("partner-vhs", "gruppe-" + UUID.randomUUID(), capacity, "PUBLISHED");
  }

  /** The subject id ({@code sub}) of a demo user's tokens. */
  public static String subjectOf(String user) {
    return Tokens.claims(Tokens.forUser(user)).get("sub").asText();
  }

  /** {capacity, enrolled, waitlisted} of the offer's tally, or null without one. */
  static int[] tally(String offerId) throws Exception {
    try (Connection c = connect();
        PreparedStatement q =
            c.prepareStatement(
                "select capacity, enrolled, waitlisted from enrolment_tally where offer_id = ?")) {
      q.setObject(1, UUID.fromString(offerId));
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? new int[] {r.getInt(1), r.getInt(2), r.getInt(3)} : null;
      }
    }
  }

  /** How many enrolments of the offer have this status, counted row by row. */
  static int rows(String offerId, String status) throws Exception {
    try (Connection c = connect();
        PreparedStatement q =
            c.prepareStatement(
                "select count(*) from enrolment where offer_id = ? and status = ?")) {
      q.setObject(1, UUID.fromString(offerId));
      q.setString(2, status);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  static Connection connect() throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    return DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password());
  }

  /**
   * The enrolment records of the offer on the broker, in order, once {@code count} of them have
   * arrived.
   */
  static List<ConsumerRecord<String, String>> enrolmentRecords(String offerId, int count) {
    return Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                Topics.readToEnd(EnrolmentEvents.TOPIC, WAIT).stream()
                    .filter(r -> offerId.equals(r.key()))
                    .filter(
                        r ->
                            Topics.header(r, "ce_type")
                                .startsWith("org.lernstadt.catalogue.enrolment."))
                    .toList(),
            records -> records.size() >= count);
  }

  static String type(ConsumerRecord<String, String> record) {
    return Topics.header(record, "ce_type");
  }

  static JsonNode body(ConsumerRecord<String, String> record) {
    try {
      return JSON.readTree(record.value());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + record.value(), e);
    }
  }

  /** {enrolled, waitlisted} of an enrolment event. */
  static List<Integer> counts(ConsumerRecord<String, String> record) {
    JsonNode body = body(record);
    return List.of(body.get("enrolled").asInt(), body.get("waitlisted").asInt());
  }

  /** Everything a record carries, as text: key, value and every header. */
  static String everything(ConsumerRecord<String, String> record) {
    StringBuilder all =
        new StringBuilder().append(record.key()).append('\n').append(record.value());
    for (Header header : record.headers()) {
      all.append('\n')
          .append(header.key())
          .append('=')
          .append(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return all.toString();
  }
}

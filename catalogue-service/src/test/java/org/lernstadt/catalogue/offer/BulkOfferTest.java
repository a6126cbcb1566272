package org.lernstadt.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.offer.event.OfferEvents;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.Topics;

/** Bulk push through the real PostgreSQL, Kafka broker and Keycloak. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
public class BulkOfferTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeEach
  void providers() throws Exception {
    PartnerOfferTest.providersAndADistrict();
  }

  private static String item(String externalId, String title) {
    return PartnerOfferTest.offer(title, "PUBLISHED", PartnerOfferTest.ONE_SESSION_IN_MITTE)
        .replaceFirst("\\{", "{\"externalId\": \"" + externalId + "\", ");
  }

  /**
   * Each offer of {@code ids} was published once, and only the first had one more event, of the
   * given type, on the broker.
   */
  public static void assertOnlyFirstChanged(List<String> ids, String firstsLastEvent) {
    Topics.awaitRecord(
        OfferEvents.TOPIC,
        r -> ids.get(0).equals(r.key()) && firstsLastEvent.equals(Topics.header(r, "ce_type")),
        WAIT);
    var records = Topics.readToEnd(OfferEvents.TOPIC, WAIT);
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      List<String> types =
          records.stream()
              .filter(r -> id.equals(r.key()))
              .map(r -> Topics.header(r, "ce_type"))
              .toList();
      assertEquals(
          i == 0 ? List.of(OfferEvents.PUBLISHED, firstsLastEvent) : List.of(OfferEvents.PUBLISHED),
          types,
          "events of item " + i);
    }
  }

  /** A bulk push of partner-vhs (JSON array or NDJSON), answered 200 with its report. */
  public static JsonPath bulk(String contentType, String body) {
    return given()
        .config(
            RestAssured.config()
                .encoderConfig(
                    EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .contentType(contentType)
        .body(body)
        .post("/v1/partner/offers/bulk")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void eachItemStandsAloneAndARepeatChangesNothing() {
    String run = UUID.randomUUID().toString();
    String body =
        "["
            + String.join(
                ",",
                item(run + "-1", "Erste Hilfe am Kind"),
                item(run + "-2", "Nähcafé"),
                item(run + "-3", "Stadtgeschichte"),
                item(run + "-4", "Zeitreise")
                    .replace(
                        "\"end\": \"2027-03-01T19:00:00+01:00\"",
                        "\"end\": \"2027-03-01T16:00:00+01:00\""),
                item(run + "-5", "Astrologie").replace("PARENTING", "ASTROLOGY"),
                PartnerOfferTest.offer("Ohne Kennung", "DRAFT", "[]"))
            + "]";

    JsonPath first = bulk("application/json", body);
    assertEquals(3, first.getInt("summary.created"));
    assertEquals(3, first.getInt("summary.rejected"));
    assertEquals("rejected", first.getString("items[3].outcome"));
    assertEquals("sessions[0].end", first.getString("items[3].errors[0].field"));
    assertEquals("topics[1]", first.getString("items[4].errors[0].field"));
    assertEquals("externalId", first.getString("items[5].errors[0].field"));
    List<String> ids = first.getList("items.id", String.class).subList(0, 3);

    JsonPath again = bulk("application/json", body);
    assertEquals(3, again.getInt("summary.unchanged"));
    assertEquals(0, again.getInt("summary.created"));
    assertEquals(ids, again.getList("items.id", String.class).subList(0, 3));

    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .delete("/v1/partner/offers/" + run + "-1")
        .then()
        .statusCode(200);
    assertOnlyFirstChanged(ids, OfferEvents.WITHDRAWN);
  }

  @Test
  void oneRequestCreatesUpdatesAndKeepsOffersAndRefusesARepeatedExternalId() throws Exception {
    String run = UUID.randomUUID().toString();
    JsonPath first =
        bulk(
            "application/json",
            "[" + item(run + "-a", "Gitarre") + "," + item(run + "-b", "Ukulele") + "]");
    String updatedId = first.getString("items[0].id");

    JsonPath second =
        bulk(
            "application/json",
            "["
                + String.join(
                    ",",
                    item(run + "-a", "Gitarre für Anfänger"),
                    item(run + "-b", "Ukulele"),
                    item(run + "-c", "Mandoline"),
                    item(run + "-c", "Mandoline, zweiter Versuch"))
                + "]");
    assertEquals(1, second.getInt("summary.updated"));
    assertEquals(1, second.getInt("summary.unchanged"));
    assertEquals(1, second.getInt("summary.created"));
    assertEquals(1, second.getInt("summary.rejected"));
    assertEquals(updatedId, second.getString("items[0].id"));
    assertEquals(2, second.getInt("items[0].version"));
    assertEquals("externalId", second.getString("items[3].errors[0].field"));
    assertTrue(second.getString("items[3].errors[0].message").contains("index 2"));

    ConsumerRecord<String, String> update =
        Topics.awaitRecord(
            OfferEvents.TOPIC,
            r ->
                updatedId.equals(r.key())
                    && OfferEvents.UPDATED.equals(Topics.header(r, "ce_type")),
            WAIT);
    assertEquals(
        "[\"title\"]", new ObjectMapper().readTree(update.value()).get("changedFields").toString());
    given()
        .get("/v1/offers/" + second.getString("items[2].id"))
        .then()
        .statusCode(200)
        .body("title", org.hamcrest.Matchers.is("Mandoline"))
        .body("districts", org.hamcrest.Matchers.contains("mitte"));
  }

  @Test
  void newlineDelimitedItemsAreReadLineByLine() {
    String run = UUID.randomUUID().toString();
    String body = item(run + "-a", "Lesekreis").replace("\n", " ") + "\n{not json\n";
    JsonPath report = bulk("application/x-ndjson", body);
    assertEquals(1, report.getInt("summary.created"));
    assertEquals(1, report.getInt("summary.rejected"));
    assertEquals("$", report.getString("items[1].errors[0].field"));
  }

  @Test
  void moreThanTenThousandItemsAreRefused() {
    String one = "{\"externalId\": \"x\"}";
    String body = "[" + String.join(",", java.util.Collections.nCopies(10_001, one)) + "]";
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/partner/offers/bulk")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("status", equalTo(413));
  }
}

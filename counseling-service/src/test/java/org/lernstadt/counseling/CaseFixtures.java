package org.lernstadt.counseling;

import static org.lernstadt.counseling.Fixtures.as;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.lernstadt.platform.testing.Topics;

/** Cases opened through the API, and catalogue offer events produced onto the real topic. */
public final class CaseFixtures {

  public static final String OFFERS_TOPIC = "catalogue.offers.v1";

  private CaseFixtures() {}

  /** A unique, recognisable name to plant and search for. */
  public static String plantedName() {
    return "Zyxwa Plantedname-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Opens a SCHOOL_TO_WORK case with COUNSELLING and REFERRAL consents; returns its id. */
  public static String openCase(String user, String centre, String name) {
    return as(user)
        .body(openBody(centre, name, List.of("COUNSELLING", "REFERRAL")))
        .post("/v1/cases")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static Map<String, Object> openBody(String centre, String name, List<String> purposes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("centreId", centre);
    body.put("transition", "SCHOOL_TO_WORK");
    body.put("district", "01");
    body.put(
        "person",
        Map.of(
            "name",
            name,
            "birthDate",
            "2010-03-14",
            "contact",
            name.replace(' ', '.') + "@example.org"));
    body.put("notes", "Notes about " + name + ": wants to become a carpenter.");
    List<Map<String, Object>> consents = new ArrayList<>();
    for (String purpose : purposes) {
      Map<String, Object> consent = new LinkedHashMap<>();
      consent.put("purpose", purpose);
      consent.put("legalBasis", "CONSENT");
      if (purpose.equals("REFERRAL")) {
        consent.put("sharedFields", List.of("NAME"));
      }
      consents.add(consent);
    }
    body.put("consents", consents);
    return body;
  }

  /** Produces a catalogue offer event as the catalogue's outbox relay would. */
  public static void offerEvent(String offerId, String status, int version) throws Exception {
    offerEvent(offerId, status, version, UUID.randomUUID().toString());
  }

  /** Produces a provider registration as the catalogue would. */
  public static void providerRegistered(String providerId, String key) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("providerId", providerId);
    body.put("key", key);
    body.put("kind", "ADULT_EDUCATION_CENTRE");
    body.put("districtCode", "01");
    body.put("located", true);
    body.put("accessibility", List.of());
    body.put("version", 1);
    send(
        "catalogue.providers.v1",
        providerId,
        "org.lernstadt.catalogue.provider.registered.v1",
        body);
  }

  public static void offerEvent(String offerId, String status, int version, String providerId)
      throws Exception {
    String type =
        "org.lernstadt.catalogue.offer."
            + switch (status) {
              case "PUBLISHED" -> "published";
              case "CANCELLED" -> "cancelled";
              case "WITHDRAWN" -> "withdrawn";
              default -> throw new IllegalArgumentException(status);
            }
            + ".v1";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("offerId", offerId);
    body.put("providerId", providerId);
    body.put("externalId", "kurs-" + offerId.substring(0, 8));
    body.put("status", status);
    body.put("version", version);
    body.put("topics", List.of("VOCATIONAL"));
    body.put("sdgs", List.of(4));
    body.put("targetGroups", List.of("young people"));
    body.put("lifePhases", List.of("SCHOOL_TO_WORK"));
    body.put("districts", List.of("01"));
    body.put("modality", "ON_SITE");
    body.put("costKind", "FREE");
    body.put("free", true);
    body.put("firstStart", OffsetDateTime.now().plusDays(10).toString());
    body.put("lastEnd", OffsetDateTime.now().plusDays(40).toString());
    body.put("sessionCount", 6);
    body.put("changedFields", List.of());
    send(OFFERS_TOPIC, offerId, type, body);
  }

  private static void send(String topic, String key, String type, Map<String, Object> body)
      throws Exception {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(topic, key, Fixtures.JSON.writeValueAsString(body));
    header(record, "ce_id", UUID.randomUUID().toString());
    header(record, "ce_source", "/lernstadt/catalogue-service");
    header(record, "ce_type", type);
    header(record, "ce_specversion", "1.0");
    header(record, "ce_time", OffsetDateTime.now().toString());
    header(record, "ce_subject", key);
    header(record, "content-type", "application/json");
    Topics.produce(record);
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}

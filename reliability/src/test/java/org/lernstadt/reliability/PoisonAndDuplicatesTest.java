package org.lernstadt.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.ServiceApplication;
import org.lernstadt.platform.testing.Topics;

/**
 * Malformed (not JSON), schema-invalid and duplicate records on every topic monitoring and
 * counselling consume: the unreadable ones go to the consumer's dead-letter topic with a reason,
 * the duplicates have one effect, and the consumers go on (a valid record after the poison, on the
 * same key and so the same partition, takes effect) with liveness up.
 */
class PoisonAndDuplicatesTest {

  private static final Duration WAIT = Duration.ofMinutes(1);
  private static final String MONITORING_DLQ = "monitoring.dead-letter.v1";
  private static final String CAT = "org.lernstadt.catalogue.";
  private static final String COUNS = "org.lernstadt.counseling.";
  private static final String PART = "org.lernstadt.participation.";
  private static final int COPIES = 3;

  private final List<ProducerRecord<String, String>> records = new ArrayList<>();

  /** ce_id of each poison record → the dead-letter topics it must reach. */
  private final Map<String, List<String>> poison = new LinkedHashMap<>();

  private int duplicates;

  @Test
  void poisonIsDeadLetteredDuplicatesHaveOneEffectAndConsumersGoOn() throws Exception {
    Platform.start();
    Platform.District district = Platform.District.create("poison");
    String d = district.code();
    int y = Platform.YEAR;
    String offersDlq = "catalogue.offers.v1.counseling-dlq";
    String providersDlq = "catalogue.providers.v1.counseling-dlq";

    String offerId = UUID.randomUUID().toString();
    Map<String, Object> offer = new LinkedHashMap<>();
    offer.put("offerId", offerId);
    offer.put("providerId", UUID.randomUUID().toString());
    offer.put("externalId", "poison-" + offerId);
    offer.put("status", "PUBLISHED");
    offer.put("version", 1);
    offer.put("topics", List.of("LANGUAGES"));
    offer.put("sdgs", List.of());
    offer.put("targetGroups", List.of());
    offer.put("lifePhases", List.of("ADULTS"));
    offer.put("districts", List.of(d));
    offer.put("modality", "ON_SITE");
    offer.put("costKind", "FREE");
    offer.put("free", true);
    offer.put("firstStart", y + "-03-01T17:00:00Z");
    offer.put("lastEnd", y + "-03-01T19:00:00Z");
    offer.put("sessionCount", 1);
    offer.put("changedFields", List.of());
    inject(
        Platform.OFFERS,
        offerId,
        CAT + "offer.published.v1",
        Map.of("offerId", "not-a-uuid", "version", 1),
        offer,
        MONITORING_DLQ,
        offersDlq);

    String providerId = UUID.randomUUID().toString();
    inject(
        "catalogue.providers.v1",
        providerId,
        CAT + "provider.registered.v1",
        Map.of("providerId", "not-a-uuid", "key", "x", "version", 1),
        Map.of("providerId", providerId, "key", "poison-provider", "version", 1),
        providersDlq);

    for (int i = 0; i < 2; i++) {
      String caseId = UUID.randomUUID().toString();
      Map<String, Object> opened = new LinkedHashMap<>();
      opened.put("caseId", caseId);
      opened.put("centreId", "00000000-0000-4000-8000-00000000c001");
      opened.put("transition", "SCHOOL_TO_WORK");
      opened.put("stage", "INTAKE");
      opened.put("district", d);
      opened.put("ageBand", "16-24");
      opened.put("occurredAt", y + "-03-01T09:00:00Z");
      inject(
          "counseling.cases.v1",
          caseId,
          COUNS + "case.opened.v1",
          Map.of("caseId", caseId, "district", d),
          opened,
          MONITORING_DLQ);
    }

    String bookingId = UUID.randomUUID().toString();
    Map<String, Object> booking = new LinkedHashMap<>();
    booking.put("bookingId", bookingId);
    booking.put("centreId", "00000000-0000-4000-8000-00000000c001");
    booking.put("district", d);
    booking.put("format", "IN_PERSON");
    booking.put("slotStart", y + "-02-06T10:00:00Z");
    booking.put("bookedAt", y + "-02-01T10:00:00Z");
    booking.put("occurredAt", y + "-02-01T10:00:00Z");
    inject(
        "counseling.bookings.v1",
        bookingId,
        COUNS + "booking.made.v1",
        Map.of("bookingId", bookingId, "district", d, "bookedAt", "yesterday"),
        booking,
        MONITORING_DLQ);

    String dialogueId = UUID.randomUUID().toString();
    Map<String, Object> contribution = new LinkedHashMap<>();
    contribution.put("dialogueId", dialogueId);
    contribution.put("contributionId", UUID.randomUUID().toString());
    contribution.put("category", "PLACE");
    contribution.put("district", d);
    contribution.put("participant", "p-" + dialogueId);
    contribution.put("occurredAt", y + "-04-10T12:00:00Z");
    inject(
        "participation.dialogues.v1",
        dialogueId,
        PART + "contribution.submitted.v1",
        Map.of("dialogueId", dialogueId, "district", "'; drop table area; --"),
        contribution,
        MONITORING_DLQ);

    String eventId = UUID.randomUUID().toString();
    Map<String, Object> attended = new LinkedHashMap<>();
    attended.put("eventId", eventId);
    attended.put("dialogueId", null);
    attended.put("district", d);
    attended.put("attendance", 30);
    attended.put("occurredAt", y + "-05-01T18:00:00Z");
    inject(
        "participation.events.v1",
        eventId,
        PART + "event.attended.v1",
        Map.of("eventId", eventId, "district", d, "attendance", "many"),
        attended,
        MONITORING_DLQ);

    Topics.produce(records.toArray(ProducerRecord[]::new));

    // Each effect once, although every valid record came three times, after the poison.
    Map<String, Integer> expected = new HashMap<>();
    expected.put("OFFERS_PER_1000", 1);
    expected.put("COUNSELLING_CASES_OPENED", 2);
    expected.put("WAITING_DAYS_FIRST_APPOINTMENT", 5);
    expected.put("CONTRIBUTIONS_PER_1000", 1);
    expected.put("EVENT_ATTENDANCE_PER_1000", 30);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Map<String, Integer> actual = new HashMap<>();
              expected.keySet().forEach(code -> actual.put(code, district.numerator(code)));
              assertEquals(expected, actual);
            });
    await()
        .atMost(WAIT)
        .until(
            () ->
                Platform.count(
                            Platform.COUNSELING_DB,
                            "select count(*) from offer_ref where offer_id = ?::uuid",
                            offerId)
                        == 1
                    && Platform.count(
                            Platform.COUNSELING_DB,
                            "select count(*) from provider_ref where provider_id = ?::uuid",
                            providerId)
                        == 1);

    int deadLettered = 0;
    int expectedDeadLetters = 0;
    for (String dlq : List.of(MONITORING_DLQ, offersDlq, providersDlq)) {
      List<String> ids =
          poison.entrySet().stream()
              .filter(e -> e.getValue().contains(dlq))
              .map(Map.Entry::getKey)
              .toList();
      expectedDeadLetters += ids.size();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  Topics.readToEnd(dlq, WAIT).stream()
                          .map(r -> Topics.header(r, "ce_id"))
                          .filter(ids::contains)
                          .distinct()
                          .count()
                      == ids.size());
      for (ConsumerRecord<String, String> r : Topics.readToEnd(dlq, WAIT)) {
        if (ids.contains(Topics.header(r, "ce_id"))) {
          assertNotNull(Topics.header(r, "dead-letter-reason"), dlq + " record without reason");
          deadLettered++;
        }
      }
    }
    assertEquals(expectedDeadLetters, deadLettered, "each poison record dead-lettered once");

    for (ServiceApplication app : List.of(Platform.monitoring(), Platform.counseling())) {
      RestAssured.given()
          .baseUri(app.url().toString())
          .get("/q/health/live")
          .then()
          .statusCode(200);
    }
    Figures.record(
        "PoisonAndDuplicatesTest",
        poison.size()
            + " poison records (malformed and schema-invalid) on 6 topics, "
            + deadLettered
            + " of "
            + expectedDeadLetters
            + " expected dead letters with a reason; "
            + duplicates
            + " duplicate deliveries, 0 extra effects");
  }

  /**
   * Queues, on one key: a record whose body is not JSON, one of the right type that breaks its
   * schema, then the valid record {@link #COPIES} times with the same event id.
   */
  private void inject(
      String topic,
      String key,
      String type,
      Map<String, ?> invalid,
      Map<String, ?> valid,
      String... deadLetterTopics) {
    String malformedId = UUID.randomUUID().toString();
    records.add(CloudEvents.record(topic, key, type, malformedId, "{not json"));
    poison.put(malformedId, List.of(deadLetterTopics));
    String invalidId = UUID.randomUUID().toString();
    records.add(CloudEvents.record(topic, key, type, invalidId, invalid));
    poison.put(invalidId, List.of(deadLetterTopics));
    String validId = UUID.randomUUID().toString();
    for (int i = 0; i < COPIES; i++) {
      records.add(CloudEvents.record(topic, key, type, validId, valid));
    }
    duplicates += COPIES - 1;
  }
}

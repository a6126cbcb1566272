package org.lernstadt.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.ServiceApplication;
import org.lernstadt.platform.testing.Topics;

/**
 * SIGKILL in the middle: the producer right after a burst of committed writes (before its relay
 * published them all), and the monitoring consumer while it works through a stream. After the
 * restart nothing is lost and nothing counted twice.
 */
@Tag("slow")
class CrashTest {

  private static final Duration WAIT = Duration.ofMinutes(2);

  @Test
  void aProducerKilledBetweenCommitAndPublishLosesNoEvent() throws Exception {
    Platform.District district = Platform.District.create("crash");
    ServiceApplication catalogue = Platform.catalogue();
    AtomicInteger done = new AtomicInteger();
    CompletableFuture<Void> partner =
        CompletableFuture.runAsync(
            () -> {
              for (int r = 0; r < 4; r++) {
                district.push("crash-" + r, 250);
                done.incrementAndGet();
              }
            });
    await().atMost(WAIT).until(() -> done.get() >= 2);
    // Killed during the third push, with the second's events just committed.
    catalogue.kill();
    long unsentAtKill;
    long committed;
    try {
      try {
        partner.join();
      } catch (RuntimeException interrupted) {
        // the request in flight dies with the process; what it committed counts below
      }
      unsentAtKill =
          Platform.count(
              Platform.CATALOGUE_DB, "select count(*) from outbox_event where sent_at is null");
      committed =
          Platform.count(
              Platform.CATALOGUE_DB, "select count(*) from offer where external_id like 'crash-%'");
    } finally {
      catalogue.startAgain(Platform.START);
    }
    Delivery delivery = Delivery.of(Platform.CATALOGUE_DB, Platform.OFFERS);
    delivery.assertNoneMissing();
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertEquals((int) committed, district.numerator("OFFERS_PER_1000")));
    Figures.record(
        "CrashTest (producer)",
        committed
            + " offers committed before SIGKILL, "
            + unsentAtKill
            + " of their events not yet published at the kill; after restart "
            + delivery
            + "; monitoring counts "
            + district.numerator("OFFERS_PER_1000"));
  }

  @Test
  void aConsumerKilledMidStreamAppliesEveryEventExactlyOnceAfterRestart() throws Exception {
    Platform.District district = Platform.District.create("consumer-crash");
    ServiceApplication monitoring = Platform.monitoring();
    int events = 3000;
    List<ProducerRecord<String, String>> records = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      String caseId = UUID.randomUUID().toString();
      Map<String, Object> opened = new LinkedHashMap<>();
      opened.put("caseId", caseId);
      opened.put("centreId", "00000000-0000-4000-8000-00000000c001");
      opened.put("transition", "SCHOOL_TO_WORK");
      opened.put("stage", "INTAKE");
      opened.put("district", district.code());
      opened.put("ageBand", "16-24");
      opened.put("occurredAt", Platform.YEAR + "-03-01T09:00:00Z");
      records.add(
          CloudEvents.record(
              "counseling.cases.v1",
              caseId,
              "org.lernstadt.counseling.case.opened.v1",
              UUID.randomUUID().toString(),
              opened));
    }
    // Produced in small batches while the consumer works, so that it is killed mid-stream.
    CompletableFuture<Void> producing =
        CompletableFuture.runAsync(
            () -> {
              try {
                for (int i = 0; i < events; i += 100) {
                  Topics.produce(records.subList(i, i + 100).toArray(ProducerRecord[]::new));
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String applied = "select count(*) from event_fact where district = ? and kind = 'CASE_OPENED'";
    long appliedAtKill;
    try {
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> Platform.count(Platform.MONITORING_DB, applied, district.code()) > 200);
      monitoring.kill();
      appliedAtKill = Platform.count(Platform.MONITORING_DB, applied, district.code());
    } finally {
      monitoring.startAgain(Platform.START);
    }
    producing.get();
    assertTrue(appliedAtKill < events, "killed before the stream was through");
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertEquals(events, district.numerator("COUNSELLING_CASES_OPENED")));
    assertEquals(events, Platform.count(Platform.MONITORING_DB, applied, district.code()));
    Figures.record(
        "CrashTest (consumer)",
        events
            + " events, "
            + appliedAtKill
            + " applied when the consumer was killed; after restart "
            + Platform.count(Platform.MONITORING_DB, applied, district.code())
            + " facts and a count of "
            + district.numerator("COUNSELLING_CASES_OPENED"));
  }
}

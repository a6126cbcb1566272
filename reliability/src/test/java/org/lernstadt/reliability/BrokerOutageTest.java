package org.lernstadt.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;

/**
 * The broker goes away for at least 10 s while a partner pushes 2,000 offers: every committed
 * change still reaches the broker, and monitoring counts each offer exactly once.
 */
@Tag("slow")
class BrokerOutageTest {

  private static final int REQUESTS = 8;
  private static final int PER_REQUEST = 250;

  @Test
  void everyCommittedOfferIsPublishedAndCountedOnceAfterTheBrokerReturns() throws Exception {
    Platform.District district = Platform.District.create("outage");
    AtomicInteger created = new AtomicInteger();
    AtomicInteger requestsDone = new AtomicInteger();
    AtomicBoolean brokerAway = new AtomicBoolean();
    AtomicInteger createdWhileAway = new AtomicInteger();
    CompletableFuture<Void> partner =
        CompletableFuture.runAsync(
            () -> {
              for (int r = 0; r < REQUESTS; r++) {
                int n = district.push("outage-" + r, PER_REQUEST);
                created.addAndGet(n);
                if (brokerAway.get()) {
                  createdWhileAway.addAndGet(n);
                }
                requestsDone.incrementAndGet();
              }
            });

    await().atMost(Duration.ofMinutes(1)).until(() -> requestsDone.get() >= 1);
    try (AutoCloseable outage = KafkaTestResource.server().outage()) {
      brokerAway.set(true);
      // The outage lasts at least 10 s and until some pushes were committed while it lasted.
      await()
          .pollDelay(Duration.ofSeconds(10))
          .atMost(Duration.ofMinutes(2))
          .until(() -> createdWhileAway.get() >= 2 * PER_REQUEST || partner.isDone());
      brokerAway.set(false);
    }
    partner.get();
    assertEquals(REQUESTS * PER_REQUEST, created.get());
    assertTrue(createdWhileAway.get() > 0, "offers were committed while the broker was away");

    Delivery delivery = Delivery.of(Platform.CATALOGUE_DB, Platform.OFFERS);
    delivery.assertNoneMissing();
    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(() -> assertEquals(created.get(), district.numerator("OFFERS_PER_1000")));
    Figures.record(
        "BrokerOutageTest",
        created.get()
            + " offers pushed ("
            + createdWhileAway.get()
            + " committed while the broker was away); "
            + delivery
            + "; monitoring counts "
            + district.numerator("OFFERS_PER_1000")
            + " offers (expected "
            + created.get()
            + ")");
  }
}

package org.lernstadt.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;

/**
 * The broker goes away for at least 10 s while a partner pushes 2,000 offers and citizens
 * contribute to a dialogue and rate the contributions: every committed change still reaches the
 * broker, and monitoring counts each offer and each contribution exactly once.
 */
@Tag("slow")
class BrokerOutageTest {

  private static final int REQUESTS = 8;
  private static final int PER_REQUEST = 250;

  @Test
  void everyCommittedOfferIsPublishedAndCountedOnceAfterTheBrokerReturns() throws Exception {
    Platform.District district = Platform.District.create("outage");
    Citizens citizens = Citizens.inDialogueOf(district);
    List<String> contributions = new ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      contributions.add(citizens.contribute(n));
      contributions.add(citizens.contribute(n));
    }
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
    CompletableFuture<Void> rating;
    try (AutoCloseable outage = KafkaTestResource.server().outage()) {
      brokerAway.set(true);
      rating = citizens.rateAll(contributions);
      for (int n = 11; n <= Citizens.COUNT; n++) {
        citizens.contribute(n);
      }
      // The outage lasts at least 10 s, until the citizens are through and some pushes were
      // committed while it lasted.
      await()
          .pollDelay(Duration.ofSeconds(10))
          .atMost(Duration.ofMinutes(2))
          .until(
              () ->
                  (createdWhileAway.get() >= 2 * PER_REQUEST || partner.isDone())
                      && rating.isDone());
      brokerAway.set(false);
    }
    partner.get();
    rating.get();
    int ratings = contributions.size() * Citizens.COUNT;
    assertEquals(ratings, citizens.ratings.get());
    assertEquals(ratings, Platform.count(Platform.PARTICIPATION_DB, "select count(*) from rating"));
    assertEquals(REQUESTS * PER_REQUEST, created.get());
    assertTrue(createdWhileAway.get() > 0, "offers were committed while the broker was away");

    Delivery delivery = Delivery.of(Platform.CATALOGUE_DB, Platform.OFFERS);
    delivery.assertNoneMissing();
    Delivery dialogues = Delivery.of(Platform.PARTICIPATION_DB, "participation.dialogues.v1");
    dialogues.assertNoneMissing();
    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () -> {
              assertEquals(created.get(), district.numerator("OFFERS_PER_1000"));
              assertEquals(
                  citizens.contributions.get(),
                  district.numerator("CONTRIBUTIONS_PER_1000", Platform.THIS_YEAR));
            });
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
            + "); "
            + citizens.contributions.get()
            + " contributions and "
            + ratings
            + " ratings (20 contributions and all ratings while the broker was away); dialogue"
            + " topic: "
            + dialogues
            + "; monitoring counts "
            + district.numerator("CONTRIBUTIONS_PER_1000", Platform.THIS_YEAR)
            + " contributions");
  }
}

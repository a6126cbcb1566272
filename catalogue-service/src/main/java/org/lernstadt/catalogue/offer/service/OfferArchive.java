package org.lernstadt.catalogue.offer.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.lernstadt.catalogue.offer.event.OfferEvents;
import org.lernstadt.catalogue.offer.repository.OfferRepository;
import org.lernstadt.platform.events.Outbox;

/**
 * Archives offers whose last date lies in the past, with an event each. Runs on a schedule; rows
 * are taken with {@code SKIP LOCKED}, so several instances may run it at once.
 */
@ApplicationScoped
public class OfferArchive {

  static final int BATCH = 500;

  @Inject OfferRepository offers;
  @Inject Outbox outbox;

  @Scheduled(
      every = "${lernstadt.catalogue.archive-every:15m}",
      delayed = "${lernstadt.catalogue.archive-delay:1m}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> onSchedule() {
    return archiveEnded().replaceWithVoid();
  }

  /** Archives every ended offer, batch by batch; returns how many were archived. */
  public Uni<Integer> archiveEnded() {
    return Multi.createBy()
        .repeating()
        .uni(this::archiveBatch)
        .whilst(archived -> archived == BATCH)
        .collect()
        .with(java.util.stream.Collectors.summingInt(Integer::intValue));
  }

  private Uni<Integer> archiveBatch() {
    return offers
        .pool()
        .withTransaction(
            conn ->
                offers
                    .archiveEnded(conn, BATCH)
                    .chain(
                        ids ->
                            Multi.createFrom()
                                .iterable(ids)
                                .onItem()
                                .transformToUniAndConcatenate(id -> offers.load(conn, id))
                                .map(view -> OfferEvents.of(OfferEvents.ARCHIVED, view, List.of()))
                                .collect()
                                .asList()
                                .chain(events -> outbox.appendAll(conn, events))
                                .replaceWith(ids.size())));
  }
}

package org.lernstadt.monitoring.live.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.lernstadt.monitoring.common.Sql;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.live.event.LiveConsumer;
import org.lernstadt.monitoring.live.repository.DirtyRepository;
import org.lernstadt.monitoring.live.repository.FactRepository;
import org.lernstadt.monitoring.value.repository.ValueRepository;

/**
 * Rebuilds every value computed from events: forgets the facts, the computed and survey values and
 * the consumer's inbox in one transaction, then moves the consumer back to offset 0 of every
 * partition it reads, so the topics are applied again from the start. An event applied between the
 * two steps is kept with its inbox row and skipped on replay, so each counts once.
 */
@ApplicationScoped
public class Rebuild {

  @Inject FactRepository facts;
  @Inject DirtyRepository dirty;
  @Inject ValueRepository values;
  @Inject Sql sql;
  @Inject KafkaClientService kafka;

  /**
   * @return the number of partitions moved back to their start
   */
  public Uni<Integer> fromOffsetZero() {
    return Panache.withTransaction(
            () ->
                facts
                    .clear()
                    .chain(() -> dirty.clear())
                    .chain(() -> values.deleteByOrigin(List.of("EVENTS", "SURVEY")))
                    .chain(
                        () ->
                            sql.update(
                                "delete from inbox_message where consumer = :consumer",
                                Sql.args("consumer", LiveConsumer.CONSUMER))))
        .chain(
            () -> {
              // the channel runs one client per configured partition thread; each rewinds its own
              List<KafkaConsumer<Object, Object>> consumers =
                  kafka.getConsumers(LiveConsumer.CHANNEL);
              int[] rewound = new int[1];
              return Steps.each(
                      consumers,
                      consumer ->
                          consumer
                              .getAssignments()
                              .chain(
                                  partitions -> {
                                    rewound[0] += partitions.size();
                                    return consumer.seekToBeginning(partitions);
                                  }))
                  .map(done -> rewound[0]);
            });
  }
}

package org.lernstadt.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lernstadt.platform.testing.Topics;

/** What a producer's outbox committed compared with what its topic holds, by CloudEvent id. */
record Delivery(int committed, int delivered, int distinctDelivered, int missing) {

  private static final Duration WAIT = Duration.ofMinutes(2);

  /**
   * Waits until the outbox of {@code database} has published every row of {@code topic}, then
   * compares its rows with the records on the topic.
   */
  static Delivery of(String database, String topic) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                Platform.count(
                        database,
                        "select count(*) from outbox_event where topic = ? and sent_at is null",
                        topic)
                    == 0);
    List<String> committed =
        Platform.column(database, "select id::text from outbox_event where topic = ?", topic);
    List<ConsumerRecord<String, String>> records = Topics.readToEnd(topic, WAIT);
    List<String> onTopic = records.stream().map(r -> Topics.header(r, "ce_id")).toList();
    Set<String> distinct = new HashSet<>(onTopic);
    Set<String> missing = new HashSet<>(committed);
    missing.removeAll(distinct);
    return new Delivery(
        committed.size(),
        (int) onTopic.stream().filter(new HashSet<>(committed)::contains).count(),
        (int) distinct.stream().filter(new HashSet<>(committed)::contains).count(),
        missing.size());
  }

  void assertNoneMissing() {
    assertEquals(0, missing, "events committed but not on the broker");
    assertEquals(committed, distinctDelivered);
  }

  @Override
  public String toString() {
    return committed
        + " events committed, "
        + delivered
        + " records delivered ("
        + distinctDelivered
        + " distinct ids, "
        + (delivered - distinctDelivered)
        + " redelivered), "
        + missing
        + " missing";
  }
}

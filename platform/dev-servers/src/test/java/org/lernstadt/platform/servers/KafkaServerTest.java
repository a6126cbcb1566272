package org.lernstadt.platform.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Starts a real in-JVM KRaft broker and takes it away through its proxy. */
class KafkaServerTest {

  @Test
  void brokerCarriesRecordsAndSurvivesAnOutage() throws Exception {
    try (KafkaServer kafka = KafkaServer.startInJvm();
        KafkaProducer<String, String> producer = producer(kafka)) {
      producer.send(new ProducerRecord<>("probe", "k", "before")).get(30, TimeUnit.SECONDS);

      try (AutoCloseable outage = kafka.outage()) {
        var during = producer.send(new ProducerRecord<>("probe", "k", "during"));
        assertThrows(ExecutionException.class, () -> during.get(30, TimeUnit.SECONDS));
      }

      producer.send(new ProducerRecord<>("probe", "k", "after")).get(30, TimeUnit.SECONDS);
      List<String> values = read(kafka, "probe", 2);
      assertEquals("before", values.get(0));
      assertEquals("after", values.get(values.size() - 1));
    }
  }

  @Test
  void unreachableExternalClusterFailsFastNamingTheAddress() {
    System.setProperty(KafkaServer.BOOTSTRAP_SETTING, "localhost:1");
    try {
      ServerStartException e =
          assertThrows(ServerStartException.class, KafkaServer::startOrConnect);
      assertTrue(e.getMessage().contains("Kafka"), e.getMessage());
      assertTrue(e.getMessage().contains("localhost:1"), e.getMessage());
    } finally {
      System.clearProperty(KafkaServer.BOOTSTRAP_SETTING);
    }
  }

  private static KafkaProducer<String, String> producer(KafkaServer kafka) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
            ProducerConfig.LINGER_MS_CONFIG, 0),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> read(KafkaServer kafka, String topic, int atLeast) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < atLeast && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }
}

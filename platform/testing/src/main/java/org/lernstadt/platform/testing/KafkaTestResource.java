package org.lernstadt.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.Map;
import org.lernstadt.platform.servers.KafkaServer;

/**
 * Gives a Quarkus test a real Kafka broker: the cluster named by {@code LERNSTADT_KAFKA_BOOTSTRAP},
 * or a single-node KRaft broker started once per test JVM.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  private static KafkaServer server;
  private static KafkaCompanion companion;

  public static synchronized KafkaServer server() {
    if (server == null) {
      server = KafkaServer.startOrConnect();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kafka-test-stop"));
    }
    return server;
  }

  /** A companion for producing and consuming test records on the broker of this JVM. */
  public static synchronized KafkaCompanion companion() {
    if (companion == null) {
      companion = new KafkaCompanion(server().bootstrapServers());
    }
    return companion;
  }

  @Override
  public Map<String, String> start() {
    return Map.of("kafka.bootstrap.servers", server().bootstrapServers());
  }

  @Override
  public void stop() {
    // The broker outlives one application start: other test classes of this JVM reuse it.
  }
}

package org.lernstadt.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local broker: a real Kafka child process that keeps topics and cluster id between runs. */
class LocalKafkaTest {

  private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

  @Test
  void keepsItsDataBetweenRunsAndFormatsOnlyOnce(@TempDir Path data) throws Exception {
    Path kafkaDir = data.resolve("kafka");
    Path log = data.resolve("logs/kafka.log");
    int port = freePort();
    int controllerPort = freePort();

    String clusterId;
    try (LocalKafka kafka = start(kafkaDir, port, controllerPort, log)) {
      assertEquals("localhost:" + port, kafka.bootstrapServers());
      clusterId = Files.readString(kafkaDir.resolve("cluster.id")).trim();
      try (Admin admin = admin(kafka)) {
        admin
            .createTopics(List.of(new NewTopic("local.kept.v1", 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
        assertEquals(clusterId, admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS));
      }
    }
    assertTrue(Files.readString(data.resolve("logs/kafka.log")).contains("Formatting"));

    // again, on other ports: no new format, same cluster, the topic is still there
    int otherPort = freePort();
    try (LocalKafka kafka = start(kafkaDir, otherPort, freePort(), log)) {
      try (Admin admin = admin(kafka)) {
        assertEquals(clusterId, admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS));
        Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        assertTrue(topics.contains("local.kept.v1"), topics.toString());
      }
    }
    assertTrue(
        !Files.readString(log).contains("Formatting"), "the second start formatted the storage");
  }

  private static LocalKafka start(Path kafkaDir, int port, int controllerPort, Path log) {
    return LocalKafka.startOrConnect(
        kafkaDir,
        port,
        controllerPort,
        System.getProperty("java.class.path"),
        log,
        JAVA,
        process -> {});
  }

  private static Admin admin(LocalKafka kafka) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

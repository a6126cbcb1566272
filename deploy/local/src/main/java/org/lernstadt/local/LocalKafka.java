package org.lernstadt.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.lernstadt.platform.servers.ServerStartException;
import org.lernstadt.platform.servers.Settings;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one process) that keeps its data
 * between runs and listens on fixed ports; or an existing cluster named by {@link
 * #BOOTSTRAP_SETTING}.
 *
 * <p>The broker is Kafka's own {@code kafka.Kafka} from the kafka_2.13 Maven artifact, run as a
 * child process on the launcher's classpath ({@code target/lib/*}). The storage is formatted on the
 * first run only, with the cluster id kept in {@code <data>/kafka/cluster.id}. The quorum is static
 * ({@code controller.quorum.voters}), so that changing the ports of an existing data folder needs
 * no reconfiguration of the quorum.
 */
final class LocalKafka implements AutoCloseable {

  static final String BOOTSTRAP_SETTING = "LERNSTADT_KAFKA_BOOTSTRAP";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final ChildProcess process;

  private LocalKafka(String bootstrapServers, ChildProcess process) {
    this.bootstrapServers = bootstrapServers;
    this.process = process;
  }

  static boolean external() {
    return Settings.get(BOOTSTRAP_SETTING) != null;
  }

  /**
   * Connects to the cluster of {@link #BOOTSTRAP_SETTING}, or starts the local broker.
   *
   * @param started called with the broker process as soon as it runs, before it is ready, so that
   *     it is stopped even if start-up fails
   */
  static LocalKafka startOrConnect(
      Path kafkaDir,
      int port,
      int controllerPort,
      String classpath,
      Path log,
      Path java,
      Consumer<ChildProcess> started) {
    String existing = Settings.get(BOOTSTRAP_SETTING);
    if (existing != null) {
      waitReady(existing, null, Duration.ofSeconds(15), log);
      return new LocalKafka(existing, null);
    }
    String bootstrap = "localhost:" + port;
    try {
      Path dataDir = kafkaDir.resolve("data");
      Files.createDirectories(dataDir);
      Path properties = kafkaDir.resolve("server.properties");
      Files.writeString(properties, serverProperties(dataDir, port, controllerPort));
      ChildProcess.rotate(log);
      if (!Files.exists(dataDir.resolve("meta.properties"))) {
        format(kafkaDir, properties, classpath, log, java);
      }

      List<String> command = javaCommand(java, classpath, kafkaDir);
      command.addAll(List.of("-Xms256m", "-Xmx1g", "kafka.Kafka", properties.toString()));
      ChildProcess process = ChildProcess.start("kafka", command, Map.of(), kafkaDir, log);
      started.accept(process);
      waitReady(bootstrap, process, READY_TIMEOUT, log);
      return new LocalKafka(bootstrap, process);
    } catch (IOException e) {
      throw new ServerStartException(
          "Kafka", bootstrap, "Check that " + kafkaDir + " is writable, or start with --fresh.", e);
    }
  }

  private static void format(Path kafkaDir, Path properties, String classpath, Path log, Path java)
      throws IOException {
    Path idFile = kafkaDir.resolve("cluster.id");
    String clusterId;
    if (Files.exists(idFile)) {
      clusterId = Files.readString(idFile).trim();
    } else {
      clusterId = Uuid.randomUuid().toString();
      Files.writeString(idFile, clusterId + "\n");
    }
    List<String> command = javaCommand(java, classpath, kafkaDir);
    command.addAll(
        List.of(
            "kafka.tools.StorageTool",
            "format",
            "--cluster-id",
            clusterId,
            "--config",
            properties.toString()));
    ChildProcess format = ChildProcess.start("kafka-format", command, Map.of(), kafkaDir, log);
    try {
      if (!format.process().waitFor(120, TimeUnit.SECONDS)) {
        format.stop(Duration.ofSeconds(5));
        throw new ServerStartException(
            "Kafka",
            "storage " + kafkaDir,
            "Formatting the storage did not finish in 2 minutes. Log:\n" + format.tail(30),
            null);
      }
    } catch (InterruptedException e) {
      format.stop(Duration.ofSeconds(5));
      Thread.currentThread().interrupt();
      throw new ServerStartException("Kafka", "storage " + kafkaDir, "Interrupted.", e);
    }
    if (format.exitValue() != 0) {
      throw new ServerStartException(
          "Kafka",
          "storage " + kafkaDir,
          "Formatting the storage failed (exit "
              + format.exitValue()
              + "); start with --fresh to begin anew. Log:\n"
              + format.tail(30),
          null);
    }
  }

  /** Kafka logs through SLF4J; the launcher's classpath binds it to slf4j-simple (stderr). */
  private static List<String> javaCommand(Path java, String classpath, Path kafkaDir) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(ChildProcess.commonJvmOptions(kafkaDir.getParent()));
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS");
    command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients=warn");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(classpath);
    return command;
  }

  static String serverProperties(Path dataDir, int port, int controllerPort) {
    return """
        # Written by the Lernstadt launcher at every start; edit the launcher, not this file.
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@localhost:%2$d
        listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
        advertised.listeners=PLAINTEXT://localhost:%1$d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        log.dirs=%3$s
        num.partitions=3
        auto.create.topics.enable=true
        offsets.topic.replication.factor=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        log.retention.hours=168
        """
        .formatted(port, controllerPort, dataDir.toString().replace("\\", "/"));
  }

  private static void waitReady(
      String bootstrap, ChildProcess process, Duration timeout, Path log) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    try (Admin admin = Admin.create(props)) {
      while (System.nanoTime() < deadline) {
        if (process != null && !process.alive()) {
          throw new ServerStartException(
              "Kafka",
              bootstrap,
              "The broker stopped (exit "
                  + process.exitValue()
                  + "). Last lines of "
                  + log
                  + ":\n"
                  + process.tail(30),
              null);
        }
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (Exception e) {
          last = e;
        }
        Thread.sleep(300);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("Kafka", bootstrap, "Interrupted.", e);
    }
    throw new ServerStartException(
        "Kafka",
        bootstrap,
        process == null
            ? "Start the cluster, or unset " + BOOTSTRAP_SETTING + " to run a local broker."
            : "The broker did not become ready in "
                + timeout.toSeconds()
                + " s. Last lines of "
                + log
                + ":\n"
                + process.tail(30),
        last);
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  boolean local() {
    return process != null;
  }

  @Override
  public void close() {
    if (process != null) {
      process.stop(STOP_GRACE);
    }
  }
}

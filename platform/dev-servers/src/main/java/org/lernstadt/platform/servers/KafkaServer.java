package org.lernstadt.platform.servers;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.jboss.logging.Logger;

/**
 * A Kafka broker for tests: an existing cluster when a bootstrap address is given, otherwise a real
 * single-node KRaft broker running inside this JVM.
 */
public final class KafkaServer implements AutoCloseable {

  /** Environment variable or system property naming an existing cluster, e.g. kafka:9092. */
  public static final String BOOTSTRAP_SETTING = "LERNSTADT_KAFKA_BOOTSTRAP";

  private static final Logger LOG = Logger.getLogger(KafkaServer.class);

  private final KafkaClusterTestKit cluster;
  private final TcpProxy proxy;
  private final String bootstrapServers;

  private KafkaServer(KafkaClusterTestKit cluster, TcpProxy proxy, String bootstrapServers) {
    this.cluster = cluster;
    this.proxy = proxy;
    this.bootstrapServers = bootstrapServers;
  }

  public static KafkaServer startOrConnect() {
    String bootstrap = Settings.get(BOOTSTRAP_SETTING);
    if (bootstrap != null) {
      checkReachable(
          bootstrap,
          "Start the cluster, or unset " + BOOTSTRAP_SETTING + " to use an in-JVM broker.");
      LOG.infof("Using Kafka at %s", bootstrap);
      return new KafkaServer(null, null, bootstrap);
    }
    return startInJvm();
  }

  /**
   * Starts the broker behind a {@link TcpProxy}: it advertises the proxy's port, so every client
   * connection goes through the proxy and a test can take the broker away with {@link #outage()}.
   */
  static KafkaServer startInJvm() {
    // The broker shares the JVM of the tests. Kafka halts its JVM on faults it considers fatal
    // (e.g. a log directory that goes away while the JVM's shutdown hooks run); here that would
    // end a passing test run with an error code, so such a request is logged instead.
    Exit.setHaltProcedure(
        (code, message) -> LOG.errorf("In-JVM Kafka broker asked to halt (%d): %s", code, message));
    Exit.setExitProcedure(
        (code, message) -> LOG.errorf("In-JVM Kafka broker asked to exit (%d): %s", code, message));
    TcpProxy proxy = TcpProxy.onFreePort();
    try {
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("num.partitions", "3")
              .setConfigProp("auto.create.topics.enable", "true")
              .setConfigProp("advertised.listeners", "EXTERNAL://localhost:" + proxy.port())
              .build();
      cluster.format();
      cluster.startup();
      String direct = cluster.bootstrapServers();
      proxy.forwardTo(Integer.parseInt(direct.substring(direct.lastIndexOf(':') + 1)));
      cluster.waitForReadyBrokers();
      String bootstrap = "localhost:" + proxy.port();
      LOG.infof("Started in-JVM Kafka broker at %s", bootstrap);
      return new KafkaServer(cluster, proxy, bootstrap);
    } catch (Exception e) {
      proxy.close();
      throw new ServerStartException(
          "Kafka",
          "an in-JVM KRaft broker",
          "Check that kafka-test-common-runtime has the same version as kafka-clients, or point "
              + BOOTSTRAP_SETTING
              + " at a running cluster.",
          e);
    }
  }

  private static void checkReachable(String bootstrap, String hint) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new ServerStartException("Kafka", bootstrap, hint, e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Client settings that reach this broker, for admin clients and test consumers. */
  public Map<String, Object> clientConfig() {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
  }

  /**
   * Makes the broker unreachable for every client until the returned handle is closed, while the
   * broker keeps its data. Only for the in-JVM broker.
   */
  public AutoCloseable outage() {
    if (proxy == null) {
      throw new IllegalStateException("An outage can only be simulated for the in-JVM broker");
    }
    proxy.interrupt();
    return proxy::restore;
  }

  @Override
  public void close() {
    if (proxy != null) {
      proxy.close();
    }
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        LOG.warn("In-JVM Kafka broker did not stop cleanly", e);
      }
    }
  }
}

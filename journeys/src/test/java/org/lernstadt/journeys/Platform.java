package org.lernstadt.journeys;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.OtlpCollector;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.ServiceApplication;

/**
 * The whole platform, started once per test JVM: PostgreSQL, Kafka and Keycloak as real servers,
 * the four services and the gateway as real processes (their {@code target/quarkus-app}, in the
 * prod profile, each service with a fresh database), and RestAssured pointed at the gateway. The
 * journeys talk to nothing else but the gateway and the broker. Everything stops when the root
 * context closes (the end of the test run).
 */
public final class Platform implements BeforeAllCallback {

  static final List<String> SERVICES =
      List.of("catalogue", "counseling", "participation", "monitoring");

  /** Where {@link ServiceApplication} writes each application's output. */
  static final Path LOGS = Path.of("target", "service-logs").toAbsolutePath();

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /** Receives the traces of every application of the run. */
  private static volatile OtlpCollector traces;

  @Override
  public void beforeAll(ExtensionContext context) {
    Running running =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(Platform.class))
            .getOrComputeIfAbsent(Running.class, type -> start(), Running.class);
    RestAssured.baseURI = running.gateway().url().toString();
    RestAssured.port = running.gateway().url().getPort();
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  /** The collector every application of the run exports its spans to. */
  static OtlpCollector traces() {
    return traces;
  }

  private static Running start() {
    clearLogs();
    traces = OtlpCollector.start();
    PostgresTestResource.server();
    KafkaTestResource.server();
    KeycloakTestResource.server();
    List<CompletableFuture<ServiceApplication>> starting =
        SERVICES.stream()
            .map(
                name ->
                    CompletableFuture.supplyAsync(
                        () ->
                            ServiceApplication.start(
                                name + "-service", name, START_TIMEOUT, traces.environment())))
            .toList();
    List<ServiceApplication> services = starting.stream().map(CompletableFuture::join).toList();
    Map<String, String> routes = new LinkedHashMap<>(traces.environment());
    for (ServiceApplication service : services) {
      String name = service.module().replace("-service", "").toUpperCase(Locale.ROOT);
      routes.put("LERNSTADT_GATEWAY_SERVICES_" + name + "_URL", service.url().toString());
    }
    ServiceApplication gateway = ServiceApplication.start("gateway", null, START_TIMEOUT, routes);
    return new Running(services, gateway, traces);
  }

  /** The logs of an earlier run would be read as this run's. */
  private static void clearLogs() {
    if (!Files.isDirectory(LOGS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(LOGS)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Running(
      List<ServiceApplication> services, ServiceApplication gateway, OtlpCollector traces)
      implements AutoCloseable {

    @Override
    public void close() {
      gateway.close();
      services.forEach(ServiceApplication::close);
      traces.close();
    }
  }
}

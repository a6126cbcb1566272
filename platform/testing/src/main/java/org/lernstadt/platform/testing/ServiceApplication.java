package org.lernstadt.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lernstadt.platform.servers.PostgresServer;

/**
 * A Lernstadt service's real application ({@code <module>/target/quarkus-app}, as built by the
 * reactor before the module under test) running as a child process against this test JVM's
 * PostgreSQL, Kafka and Keycloak. For tests of a module that calls other services, such as the
 * gateway; the module declares the services as build-order dependencies.
 */
public final class ServiceApplication implements AutoCloseable {

  private static final String CONTROL_PREFIX = "lernstadt.testing.service-application.";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** The counselling service's key for local runs and tests only (it encrypts demo data). */
  private static final String TEST_MASTER_KEY = "Rg9+nGGoXQcaCnyLRSzjj/PypPUgT4GBaQV8zN+2Fn4=";

  private final String module;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private final URI url;
  private Process process;

  private ServiceApplication(
      String module, List<String> command, Map<String, String> environment, Path log, URI url) {
    this.module = module;
    this.command = command;
    this.environment = environment;
    this.log = log;
    this.url = url;
  }

  /**
   * Starts the service of Maven module {@code module} with a fresh database {@code database} (null
   * for none) and waits until it is ready.
   */
  public static ServiceApplication start(String module, String database, Duration timeout) {
    return start(module, database, timeout, Map.of());
  }

  /**
   * As {@link #start(String, String, Duration)}, with environment variables that override the
   * defaults, e.g. a datasource URL through a proxy or a shorter timeout.
   */
  public static ServiceApplication start(
      String module, String database, Duration timeout, Map<String, String> overrides) {
    Path jar = locate(module);
    int port = freePort();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    if (database != null) {
      PostgresServer pg = PostgresTestResource.server();
      pg.recreateDatabase(database);
      env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(database));
      env.put("QUARKUS_DATASOURCE_REACTIVE_URL", pg.reactiveUrl(database));
      env.put("QUARKUS_DATASOURCE_USERNAME", pg.user());
      env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password() == null ? "" : pg.password());
    }
    env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.server().bootstrapServers());
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakTestResource.server().realmUrl());
    env.put("LERNSTADT_COUNSELING_MASTER_KEY", TEST_MASTER_KEY);
    // No collector runs unless a test starts one (OtlpCollector) and passes its environment.
    env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
    env.putAll(overrides);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-jar", jar.toString()));
    Path log = Path.of("target", "service-logs", module + ".log").toAbsolutePath();
    ServiceApplication app =
        new ServiceApplication(module, command, env, log, URI.create("http://localhost:" + port));
    app.launch(timeout);
    // Test resources and test classes may see different copies of this class (Quarkus loads them
    // in different class loaders); a JDK type in the system properties reaches them all.
    Consumer<String> control =
        action -> {
          switch (action) {
            case "stop" -> app.stop();
            case "kill" -> app.kill();
            case "start" -> app.launch(timeout);
            default -> throw new IllegalArgumentException(action);
          }
        };
    System.getProperties().put(CONTROL_PREFIX + module, control);
    return app;
  }

  /** Stops the service of {@code module} started in this JVM, from any class loader. */
  public static void stop(String module) {
    control(module).accept("stop");
  }

  /** Kills the service of {@code module} started in this JVM (SIGKILL), from any class loader. */
  public static void kill(String module) {
    control(module).accept("kill");
  }

  /** Starts the stopped service of {@code module} again and waits until it is ready. */
  public static void startAgain(String module) {
    control(module).accept("start");
  }

  @SuppressWarnings("unchecked")
  private static Consumer<String> control(String module) {
    Object control = System.getProperties().get(CONTROL_PREFIX + module);
    if (control == null) {
      throw new IllegalStateException(module + " was not started by ServiceApplication");
    }
    return (Consumer<String>) control;
  }

  public URI url() {
    return url;
  }

  public String module() {
    return module;
  }

  /** Stops the service the way an orchestrator does: SIGTERM, then SIGKILL after a grace time. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  /**
   * Kills the service the way a crash or the kernel's out-of-memory killer does: SIGKILL, no
   * shutdown hooks, nothing flushed; waits until the process is gone.
   */
  public void kill() {
    if (process == null) {
      return;
    }
    try {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts the stopped or killed service again on the same port and database. */
  public void startAgain(Duration timeout) {
    launch(timeout);
  }

  @Override
  public void close() {
    stop();
  }

  private void launch(Duration timeout) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + module, e);
    }
    awaitReady(timeout);
  }

  private void awaitReady(Duration timeout) {
    HttpRequest ready =
        HttpRequest.newBuilder(url.resolve("/q/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              module + " stopped with exit code " + process.exitValue() + "; see " + log);
        }
        try {
          if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
    throw new IllegalStateException(module + " was not ready in " + timeout + "; see " + log);
  }

  /** The module's application, looked for from the working directory upwards. */
  private static Path locate(String module) {
    Path relative = Path.of(module, "target", "quarkus-app", "quarkus-run.jar");
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path jar = dir.resolve(relative);
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    }
    throw new IllegalStateException(
        "No "
            + relative
            + " above "
            + Path.of("").toAbsolutePath()
            + ": build the service first (the reactor does when the module depends on it).");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

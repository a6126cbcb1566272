package org.lernstadt.local;

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
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.servers.ServerStartException;

/** One Lernstadt service: its environment, its {@code java -jar} child process, its readiness. */
final class ServiceProcess {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final ServiceDef service;
  private final ChildProcess process;
  private final URI url;

  private ServiceProcess(ServiceDef service, ChildProcess process, URI url) {
    this.service = service;
    this.process = process;
    this.url = url;
  }

  /** The environment that points a service at the stack: port, database, Kafka, Keycloak. */
  static Map<String, String> environment(
      ServiceDef service,
      PostgresServer postgres,
      String kafkaBootstrapServers,
      String realmUrl,
      Map<ServiceDef, URI> serviceUrls) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("QUARKUS_HTTP_PORT", String.valueOf(serviceUrls.get(service).getPort()));
    if (service.database() != null) {
      env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
      env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(service.database()));
      env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
      env.put("QUARKUS_DATASOURCE_PASSWORD", nullToEmpty(postgres.password()));
    }
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
    env.put("QUARKUS_OIDC_AUTH_SERVER_URL", realmUrl);
    // Plain log lines for a person reading .lernstadt/logs; JSON lines are for a log collector.
    env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    if (System.getenv("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT") == null) {
      // Traces only when the person starting the stack names a collector (inherited variable).
      env.put("QUARKUS_OTEL_SDK_DISABLED", "true");
    }
    if (service == ServiceDef.COUNSELING) {
      // Local demo only: the counselling service's demo master key (a city brings its own or a
      // KMS). Its demo centres come from CounselingDemoData, through the API.
      env.put("LERNSTADT_COUNSELING_MASTER_KEY", "Rg9+nGGoXQcaCnyLRSzjj/PypPUgT4GBaQV8zN+2Fn4=");
    }
    if (service == ServiceDef.GATEWAY) {
      for (ServiceDef other : ServiceDef.values()) {
        if (other != ServiceDef.GATEWAY) {
          env.put(
              "LERNSTADT_GATEWAY_SERVICES_" + other.portName().toUpperCase(Locale.ROOT) + "_URL",
              serviceUrls.get(other).toString());
        }
      }
    }
    return env;
  }

  /**
   * Starts the service's quarkus-run.jar.
   *
   * @param started called with the process as soon as it runs, so that it is stopped even if it
   *     never becomes ready
   */
  static ServiceProcess start(
      ServiceDef service,
      StackConfig config,
      Path java,
      Map<String, String> env,
      URI url,
      Consumer<ChildProcess> started) {
    Path jar = service.jar(config.root());
    if (!Files.isRegularFile(jar)) {
      throw missingJar(service, config.root());
    }
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(ChildProcess.commonJvmOptions(config.dataDir()));
    command.addAll(config.serviceJavaOptions());
    command.add("-jar");
    command.add(jar.toString());
    Path log = config.logsDir().resolve(service.module() + ".log");
    ChildProcess.rotate(log);
    ChildProcess process =
        ChildProcess.start(
            service.module(),
            command,
            env,
            config.dataDir().resolve("work").resolve(service.module()),
            log);
    started.accept(process);
    return new ServiceProcess(service, process, url);
  }

  static ServerStartException missingJar(ServiceDef service, Path root) {
    return new ServerStartException(
        service.module(),
        root.relativize(service.jar(root)).toString(),
        "The jar is missing. Build it with `./mvnw -B -DskipTests package -pl "
            + service.module()
            + " -am` (or let `./lernstadt up` build everything), or use --only-infra.",
        null);
  }

  /** Polls /q/health/ready until it answers 200, the process dies, or the time is up. */
  void awaitReady(Duration timeout) {
    URI health = url.resolve("/q/health/ready");
    HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastAnswer = "no answer";
    try {
      while (System.nanoTime() < deadline) {
        if (!process.alive()) {
          throw new ServerStartException(
              service.module(),
              url.toString(),
              "The service stopped (exit "
                  + process.exitValue()
                  + "). Last lines of "
                  + process.log()
                  + ":\n"
                  + process.tail(40),
              null);
        }
        try {
          HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return;
          }
          lastAnswer = "HTTP " + response.statusCode() + " " + oneLine(response.body());
        } catch (java.io.IOException e) {
          lastAnswer = e.toString();
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException(service.module(), url.toString(), "Interrupted.", e);
    }
    throw new ServerStartException(
        service.module(),
        url.toString(),
        "Not ready after "
            + timeout.toSeconds()
            + " s ("
            + health
            + ": "
            + lastAnswer
            + "); raise --timeout if the machine is just slow. Last lines of "
            + process.log()
            + ":\n"
            + process.tail(40),
        null);
  }

  private static String oneLine(String body) {
    String line = body == null ? "" : body.replaceAll("\\s+", " ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  ServiceDef service() {
    return service;
  }

  ChildProcess process() {
    return process;
  }

  URI url() {
    return url;
  }
}

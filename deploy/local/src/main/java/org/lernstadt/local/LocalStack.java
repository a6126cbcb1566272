package org.lernstadt.local;

import static java.util.concurrent.CompletableFuture.supplyAsync;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.lernstadt.platform.servers.KeycloakServer;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.servers.ServerStartException;
import org.lernstadt.platform.servers.Settings;
import org.slf4j.LoggerFactory;

/**
 * {@code ./lernstadt up}: the whole Lernstadt backend on one machine without containers.
 *
 * <p>Starts PostgreSQL, Kafka and Keycloak side by side (or uses existing ones), then every service
 * as a {@code java -jar quarkus-run.jar} child process, waits until each is ready, loads demo data
 * into a new data folder and prints where everything answers. Ctrl-C or SIGTERM stops the services,
 * then Keycloak, Kafka and PostgreSQL, each waited for; so does a failed start.
 */
public final class LocalStack {

  static final List<String> DEMO_USERS =
      List.of(
          "citizen1 to citizen30",
          "counselor1",
          "counselor2",
          "lead1",
          "moderator1",
          "editor1",
          "analyst1",
          "dpo1",
          "admin1");

  private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);

  private final StackConfig config;
  private final PrintStream out;
  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private final long startNanos = System.nanoTime();

  private final Object lock = new Object();
  private boolean stopping;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private DataFolder dataFolder;
  private PostgresServer postgres;
  private ChildProcess kafkaProcess;
  private LocalKafka kafka;
  private KeycloakServer keycloak;
  private final List<ChildProcess> services = new ArrayList<>();

  LocalStack(StackConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public static void main(String[] args) {
    StackConfig config;
    try {
      config = StackConfig.parse(args);
    } catch (StackConfig.UsageException e) {
      System.err.println(e.getMessage());
      System.err.println();
      System.err.print(StackConfig.usage());
      System.exit(2);
      return;
    }
    if (config.command() == StackConfig.Command.HELP) {
      System.out.print(StackConfig.usage());
      return;
    }
    // before any logger exists (log4j-api, which Kafka brings, would otherwise win)
    configureLogging(config.logsDir().resolve("launcher.log"));
    LocalStack stack = new LocalStack(config, System.out);
    Signals.onStop(stack::stopAndExit, stack::kill);
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "lernstadt-shutdown"));
    try {
      stack.up();
    } catch (RuntimeException | Error e) {
      if (!stack.stopping()) {
        stack.fail(e);
      }
      stack.stop();
      System.exit(1);
    }
    stack.awaitStopped();
  }

  /** Starts everything; returns once the stack is ready. */
  void up() {
    out.printf("Lernstadt local stack, data folder %s%n", config.dataDir());
    DataFolder folder = DataFolder.lock(config.dataDir());
    synchronized (lock) {
      dataFolder = folder;
    }
    folder.stopLeftovers(out);
    if (config.fresh()) {
      out.println("  --fresh      wiping the data folder");
      folder.wipe();
    }
    createLogsDir(config.logsDir());
    ChildProcess.rotate(config.logsDir().resolve("launcher.log"));
    // SLF4J starts here, once, before threads that log
    LoggerFactory.getLogger(LocalStack.class).info("Starting with {}", config);
    preflight();

    // PostgreSQL, Kafka and Keycloak side by side: they do not need each other.
    ExecutorService pool = Executors.newCachedThreadPool(daemonThreads("start"));
    try {
      CompletableFuture<PostgresServer> pg = supplyAsync(this::startPostgres, pool);
      CompletableFuture<LocalKafka> kf = supplyAsync(this::startKafka, pool);
      CompletableFuture<KeycloakServer> kc = supplyAsync(this::startKeycloak, pool);
      if (config.onlyInfra()) {
        awaitAll(List.of(pg, kf, kc));
        printInfraSummary(new Infrastructure(pg.join(), kf.join(), kc.join()));
        return;
      }
      // The services need PostgreSQL and Kafka at start, but most need Keycloak only at their first
      // request (Quarkus OIDC connects then if the server was not there yet), so they start while
      // Keycloak, the slowest, is still starting; one with an OIDC client waits for it.
      awaitAll(List.of(pg, kf));
      Map<ServiceDef, URI> urls = serviceUrls();
      List<CompletableFuture<?>> all =
          new ArrayList<>(startServices(pg.join(), kf.join(), kc, urls, pool));
      all.add(kc);
      awaitAll(all);
      Infrastructure infra = new Infrastructure(pg.join(), kf.join(), kc.join());
      DemoData.load(config.dataDir(), endpoints(infra, urls), out);
      printSummary(infra, urls);
    } finally {
      pool.shutdown();
    }
  }

  /** Checks ports and jars before anything starts, so that a start fails at once and whole. */
  private void preflight() {
    if (!config.onlyInfra()) {
      List<String> missing = new ArrayList<>();
      for (ServiceDef service : ServiceDef.values()) {
        Path jar = service.jar(config.root());
        if (!Files.isRegularFile(jar)) {
          missing.add("  " + service.module() + ": " + config.root().relativize(jar));
        }
      }
      if (!missing.isEmpty()) {
        throw new StackException(
            "Cannot start, nothing was started: these service jars are missing:\n"
                + String.join("\n", missing)
                + "\nBuild them with `./mvnw -B -DskipTests install` in "
                + config.root()
                + " (`./lernstadt up` does so unless --no-build),"
                + " or start only PostgreSQL, Kafka and Keycloak with --only-infra.");
      }
    }
    PortCheck ports = new PortCheck();
    if (Settings.get(PostgresServer.URL_SETTING) == null) {
      ports.need("PostgreSQL", config.port(StackConfig.POSTGRES));
    }
    if (!LocalKafka.external()) {
      ports.need("Kafka", config.port(StackConfig.KAFKA));
      ports.need("Kafka controller", config.port(StackConfig.KAFKA_CONTROLLER));
    }
    if (Settings.get(KeycloakServer.URL_SETTING) == null) {
      ports.need("Keycloak", config.port(StackConfig.KEYCLOAK));
    }
    if (!config.onlyInfra()) {
      for (ServiceDef service : ServiceDef.values()) {
        ports.need(service.module(), config.port(service.portName()));
      }
    }
    ports.verify();
  }

  private PostgresServer startPostgres() {
    long t0 = System.nanoTime();
    PostgresServer server =
        PostgresServer.startOrConnect(
            config.dataDir().resolve("postgres"), config.port(StackConfig.POSTGRES));
    register(() -> postgres = server, server::close);
    for (ServiceDef service : ServiceDef.values()) {
      if (service.database() != null) {
        server.ensureDatabase(service.database());
      }
    }
    out.printf(
        "  PostgreSQL   ready in %s at %s:%d%s%n",
        seconds(t0), server.host(), server.port(), server.embedded() ? "" : " (existing)");
    return server;
  }

  private LocalKafka startKafka() {
    long t0 = System.nanoTime();
    LocalKafka started =
        LocalKafka.startOrConnect(
            config.dataDir().resolve("kafka"),
            config.port(StackConfig.KAFKA),
            config.port(StackConfig.KAFKA_CONTROLLER),
            StackConfig.libDir().resolve("*").toString(),
            config.logsDir().resolve("kafka.log"),
            java,
            process ->
                register(() -> kafkaProcess = process, () -> process.stop(SERVICE_STOP_GRACE)));
    register(() -> kafka = started, started::close);
    out.printf(
        "  Kafka        ready in %s at %s%s%n",
        seconds(t0), started.bootstrapServers(), started.local() ? "" : " (existing)");
    return started;
  }

  private KeycloakServer startKeycloak() {
    long t0 = System.nanoTime();
    KeycloakServer server =
        KeycloakServer.startOrConnect(
            config.dataDir().resolve("keycloak"), config.port(StackConfig.KEYCLOAK));
    register(() -> keycloak = server, server::close);
    out.printf(
        "  Keycloak     ready in %s at %s%s%n",
        seconds(t0), server.url(), server.started() ? "" : " (existing)");
    return server;
  }

  private Map<ServiceDef, URI> serviceUrls() {
    Map<ServiceDef, URI> urls = new EnumMap<>(ServiceDef.class);
    for (ServiceDef service : ServiceDef.values()) {
      urls.put(service, URI.create("http://localhost:" + config.port(service.portName())));
    }
    return urls;
  }

  /** Starts the services, at most {@code --parallel} at a time; each completes when ready. */
  private List<CompletableFuture<ServiceProcess>> startServices(
      PostgresServer pg,
      LocalKafka kf,
      CompletableFuture<KeycloakServer> kc,
      Map<ServiceDef, URI> urls,
      ExecutorService pool) {
    Semaphore slots = new Semaphore(config.parallel());
    List<CompletableFuture<ServiceProcess>> all = new ArrayList<>();
    for (ServiceDef service : ServiceDef.values()) {
      Map<String, String> env =
          ServiceProcess.environment(service, pg, kf.bootstrapServers(), realmUrl(), urls);
      boolean waitForKeycloak = service.needsKeycloakAtStart(config.root());
      all.add(
          supplyAsync(
              () -> {
                if (waitForKeycloak) {
                  kc.join(); // its failure is reported through kc itself
                }
                slots.acquireUninterruptibly();
                try {
                  long t0 = System.nanoTime();
                  ServiceProcess started =
                      ServiceProcess.start(
                          service,
                          config,
                          java,
                          env,
                          urls.get(service),
                          process ->
                              register(() -> services.add(process), () -> stopQuietly(process)));
                  started.awaitReady(config.serviceTimeout());
                  watch(started.process());
                  out.printf(
                      "  %-21s ready in %s at %s%n", service.module(), seconds(t0), started.url());
                  return started;
                } finally {
                  slots.release();
                }
              },
              pool));
    }
    return all;
  }

  /**
   * The realm URL that Keycloak will have, known before it runs: the services get it while it still
   * starts.
   */
  private String realmUrl() {
    String external = Settings.get(KeycloakServer.URL_SETTING);
    String base =
        external != null
            ? external.trim().replaceAll("/+$", "")
            : "http://localhost:" + config.port(StackConfig.KEYCLOAK);
    return base + "/realms/" + KeycloakServer.REALM;
  }

  /** Tells the user when a service dies while the stack runs. */
  private void watch(ChildProcess process) {
    process
        .process()
        .onExit()
        .thenRun(
            () -> {
              synchronized (lock) {
                if (stopping) {
                  return;
                }
              }
              out.printf(
                  "%n%s stopped unexpectedly (exit %d). Last lines of %s:%n%s",
                  process.name(), process.exitValue(), process.log(), process.tail(20));
            });
  }

  private StackEndpoints endpoints(Infrastructure infra, Map<ServiceDef, URI> urls) {
    Map<String, URI> services = new LinkedHashMap<>();
    Map<String, String> jdbc = new LinkedHashMap<>();
    for (ServiceDef service : ServiceDef.values()) {
      services.put(service.module(), urls.get(service));
      if (service.database() != null) {
        jdbc.put(service.database(), infra.postgres().jdbcUrl(service.database()));
      }
    }
    return new StackEndpoints(
        Map.copyOf(services),
        urls.get(ServiceDef.GATEWAY),
        URI.create(String.valueOf(infra.keycloak().url())),
        URI.create(String.valueOf(infra.keycloak().realmUrl())),
        URI.create(String.valueOf(infra.keycloak().tokenUrl())),
        infra.kafka().bootstrapServers(),
        Map.copyOf(jdbc),
        infra.postgres().user(),
        infra.postgres().password());
  }

  // ---------------------------------------------------------------- summary

  private void printSummary(Infrastructure infra, Map<ServiceDef, URI> urls) {
    StringBuilder s = new StringBuilder("\nLernstadt is up.\n\n");
    s.append(String.format("  %-21s %-24s %s%n", "service", "URL", "Swagger UI"));
    for (ServiceDef service : List.of(ServiceDef.GATEWAY)) {
      appendService(s, service, urls);
    }
    for (ServiceDef service : ServiceDef.values()) {
      if (service != ServiceDef.GATEWAY) {
        appendService(s, service, urls);
      }
    }
    s.append("  (health: <URL>/q/health/ready, OpenAPI: <URL>/q/openapi)\n\n");
    appendInfra(s, infra);
    s.append("\nGet a token (password grant, public client lernstadt-cli):\n")
        .append("  curl -s -d grant_type=password -d client_id=lernstadt-cli")
        .append(" -d username=citizen1 -d password=demo \\\n    ")
        .append(infra.keycloak().tokenUrl())
        .append('\n')
        .append("As a partner institution (client credentials):\n")
        .append("  curl -s -u partner-vhs:partner-vhs-secret -d grant_type=client_credentials ")
        .append(infra.keycloak().tokenUrl())
        .append('\n');
    s.append("\nReady in ").append(seconds(startNanos)).append(". Stop with Ctrl-C.\n");
    out.print(s);
  }

  private static void appendService(
      StringBuilder s, ServiceDef service, Map<ServiceDef, URI> urls) {
    URI url = urls.get(service);
    s.append(String.format("  %-21s %-24s %s/q/swagger-ui%n", service.module(), url, url));
  }

  private void appendInfra(StringBuilder s, Infrastructure infra) {
    String kc = String.valueOf(infra.keycloak().url());
    s.append(String.format("  %-13s %s%n", "Keycloak", kc))
        .append(
            String.format(
                "  %-13s %s/admin/%s%n",
                "  admin UI", kc, infra.keycloak().started() ? " (admin / admin)" : ""))
        .append(String.format("  %-13s %s%n", "  realm", infra.keycloak().realmUrl()))
        .append(
            String.format(
                "  %-13s %s (password: demo)%n", "  demo users", String.join(", ", DEMO_USERS)))
        .append(
            String.format(
                "  %-13s partner-vhs / partner-vhs-secret, partner-library /"
                    + " partner-library-secret%n",
                "  partners"));
    PostgresServer pg = infra.postgres();
    s.append(
            String.format(
                "  %-13s %s (databases catalogue, counseling, participation, monitoring;"
                    + " user %s)%n",
                "PostgreSQL", pg.jdbcUrl("<database>"), pg.user()))
        .append(String.format("  %-13s %s%n", "Kafka", infra.kafka().bootstrapServers()))
        .append(String.format("  %-13s %s%n", "Logs", config.logsDir()));
    if (infra.keycloak().home() != null) {
      s.append(String.format("  %-13s %s%n", "", infra.keycloak().home().resolve("keycloak.log")));
    }
  }

  private void printInfraSummary(Infrastructure infra) {
    StringBuilder s = new StringBuilder("\nInfrastructure is up (--only-infra).\n\n");
    appendInfra(s, infra);
    Path envDir = config.dataDir().resolve("env");
    Map<ServiceDef, URI> urls = serviceUrls();
    Map<ServiceDef, Map<String, String>> envs = new EnumMap<>(ServiceDef.class);
    for (ServiceDef service : ServiceDef.values()) {
      envs.put(
          service,
          ServiceProcess.environment(
              service,
              infra.postgres(),
              infra.kafka().bootstrapServers(),
              infra.keycloak().realmUrl(),
              urls));
    }
    // what all services share, then what differs
    Map<String, String> common = new LinkedHashMap<>(envs.get(ServiceDef.CATALOGUE));
    common
        .entrySet()
        .removeIf(e -> !e.getValue().equals(envs.get(ServiceDef.COUNSELING).get(e.getKey())));
    s.append("\nEnvironment for running services with `./mvnw quarkus:dev`:\n");
    common.forEach((k, v) -> s.append("  ").append(k).append('=').append(v).append('\n'));
    try {
      Files.createDirectories(envDir);
      for (ServiceDef service : ServiceDef.values()) {
        Map<String, String> env = envs.get(service);
        StringBuilder file = new StringBuilder();
        env.forEach((k, v) -> file.append(k).append('=').append(v).append('\n'));
        Files.writeString(envDir.resolve(service.module() + ".env"), file);
        s.append("  ").append(service.module()).append(':');
        env.forEach(
            (k, v) -> {
              if (!common.containsKey(k)) {
                s.append(' ').append(k).append('=').append(v);
              }
            });
        s.append('\n');
      }
    } catch (IOException e) {
      throw new StackException("Could not write " + envDir + ": " + e.getMessage());
    }
    Path example = envDir.resolve("catalogue-service.env");
    String shown =
        example.startsWith(config.root())
            ? config.root().relativize(example).toString()
            : example.toString();
    s.append("One file per service in ")
        .append(envDir)
        .append("/; e.g. from the project root:\n  (set -a; . ")
        .append(shown)
        .append("; set +a; ./mvnw quarkus:dev -pl catalogue-service)\n");
    s.append("\nReady in ").append(seconds(startNanos)).append(". Stop with Ctrl-C.\n");
    out.print(s);
  }

  // ---------------------------------------------------------------- stopping

  /**
   * Keeps a started server for stopping. If the stack is already stopping (Ctrl-C during start-up),
   * the server is stopped at once instead.
   */
  private void register(Runnable keep, Runnable stopNow) {
    synchronized (lock) {
      if (!stopping) {
        keep.run();
        return;
      }
    }
    stopNow.run();
    throw new StackException("Stopped during start-up.");
  }

  /** Stops everything in order; safe to call more than once and from several threads. */
  void stop() {
    boolean first;
    DataFolder folder;
    List<ChildProcess> running;
    KeycloakServer kc;
    LocalKafka kf;
    ChildProcess kfProcess;
    PostgresServer pg;
    synchronized (lock) {
      first = !stopping;
      stopping = true; // from here on register() adds nothing: the snapshot below is complete
      folder = dataFolder;
      running = List.copyOf(services);
      kc = keycloak;
      kf = kafka;
      kfProcess = kafkaProcess;
      pg = postgres;
    }
    if (!first) {
      awaitStopped();
      return;
    }
    try {
      if (folder == null) {
        return; // nothing was started
      }
      if (running.isEmpty() && kc == null && kf == null && kfProcess == null && pg == null) {
        sweepDescendants(); // nothing was started yet, or only child processes of a start
        folder.close();
        return;
      }
      out.println("\nStopping ...");
      running.parallelStream().forEach(this::stopQuietly);
      step("Keycloak", kc == null ? null : kc::close);
      step(
          "Kafka",
          kf != null
              ? kf::close
              : kfProcess == null ? null : () -> kfProcess.stop(SERVICE_STOP_GRACE));
      step("PostgreSQL", pg == null ? null : pg::close);
      sweepDescendants();
      folder.close();
      out.println("Stopped.");
    } finally {
      stopped.countDown();
    }
  }

  /** Whatever is left: servers that were still starting when the stop came. */
  private void sweepDescendants() {
    List<ProcessHandle> left = ProcessHandle.current().descendants().toList();
    if (!left.isEmpty()) {
      long t0 = System.nanoTime();
      left.parallelStream().forEach(p -> ChildProcess.stop(p, Duration.ofSeconds(10)));
      out.printf(
          "  %-21s stopped %d process(es) (%s)%n", "still starting", left.size(), seconds(t0));
    }
  }

  boolean stopping() {
    synchronized (lock) {
      return stopping;
    }
  }

  private void stopQuietly(ChildProcess process) {
    long t0 = System.nanoTime();
    try {
      process.stop(SERVICE_STOP_GRACE);
      out.printf("  %-21s stopped (%s)%n", process.name(), seconds(t0));
    } catch (RuntimeException e) {
      out.printf("  %-21s did not stop cleanly: %s%n", process.name(), e);
    }
  }

  private void step(String name, Runnable action) {
    if (action == null) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      action.run();
      out.printf("  %-21s stopped (%s)%n", name, seconds(t0));
    } catch (RuntimeException e) {
      out.printf("  %-21s did not stop cleanly: %s%n", name, e);
    }
  }

  private void stopAndExit(int exitCode) {
    stop();
    System.exit(exitCode);
  }

  /** A second Ctrl-C while stopping: kill everything at once. */
  private void kill() {
    out.println("\nKilling everything.");
    // PostgreSQL is not our child (pg_ctl starts it); the next start stops it as a leftover.
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    Runtime.getRuntime().halt(137);
  }

  void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fail(Throwable e) {
    Throwable cause = unwrap(e);
    out.flush();
    if (cause instanceof StackException) {
      System.err.println("\n" + cause.getMessage());
      return;
    }
    LoggerFactory.getLogger(LocalStack.class).error("Start failed", cause);
    if (cause instanceof ServerStartException) {
      System.err.println("\n" + cause.getMessage());
    } else {
      System.err.println("\nStart failed: " + cause);
      System.err.println(
          "Details in " + config.logsDir().resolve("launcher.log") + " and the other logs there.");
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  // ---------------------------------------------------------------- helpers

  /** Waits until all complete, or fails with the first failure without waiting for the rest. */
  private static void awaitAll(List<? extends CompletableFuture<?>> futures) {
    CompletableFuture<Object> firstFailure = new CompletableFuture<>();
    for (CompletableFuture<?> f : futures) {
      f.whenComplete(
          (result, failure) -> {
            if (failure != null) {
              firstFailure.completeExceptionally(failure);
            }
          });
    }
    try {
      CompletableFuture.anyOf(
              CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), firstFailure)
          .join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
    return Thread.ofPlatform().name(prefix + "-", 0).daemon(true).factory();
  }

  static String seconds(long sinceNanos) {
    return String.format("%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
  }

  /**
   * Library logs (zonky, Kafka admin client, dev servers) go to launcher.log through slf4j-simple,
   * configured here before its first use. The terminal shows only what the launcher prints.
   */
  static void configureLogging(Path file) {
    System.setProperty("org.jboss.logging.provider", "slf4j");
    System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
    // the admin client logs every failed connection while Kafka starts
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
  }

  private static void createLogsDir(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StackException("Cannot write " + dir + ": " + e.getMessage());
    }
  }
}

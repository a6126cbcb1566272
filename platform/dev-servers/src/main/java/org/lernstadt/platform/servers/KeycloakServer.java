package org.lernstadt.platform.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.logging.Logger;

/**
 * A Keycloak server with the realm {@value #REALM}: an existing server when a URL is given,
 * otherwise a real Keycloak started as a child process from its distribution, which Maven fetched
 * as {@code org.keycloak:keycloak-quarkus-dist} (zip).
 *
 * <p>The distribution is unpacked once into the cache folder ({@value #CACHE_SETTING}, default
 * {@code ~/.cache/lernstadt}) and built once there for this use ({@code kc.sh build}). Every
 * instance then runs {@code kc.sh start --optimized} with its own home folder: symbolic links to
 * the shared {@code lib}, {@code conf}, {@code providers} and {@code themes}, and a {@code data}
 * folder of its own (database, import folder, transaction logs). So several Keycloaks, from
 * different test JVMs, run at once without sharing anything they write.
 *
 * <p>Measured on a 2-core build machine (Keycloak 26.4.0, JDK 25): unpacking and building the
 * distribution, once per cache folder, 13 s; a start with a fresh in-memory database and the realm
 * import 13 to 15 s (up to 25 s while other builds load the machine); a restart on a persistent
 * database 7 to 14 s. {@code kc.sh start-dev} was not faster (24 s for a first start, which
 * augments the server), and it writes the augmented server into the distribution, which several
 * instances share; hence one {@code build} and {@code start --optimized}.
 */
public final class KeycloakServer implements AutoCloseable {

  /** Environment variable or system property naming an existing server, e.g. http://kc:8080. */
  public static final String URL_SETTING = "LERNSTADT_KEYCLOAK_URL";

  /** Environment variable or system property naming the cache folder for unpacked servers. */
  public static final String CACHE_SETTING = "LERNSTADT_CACHE";

  public static final String REALM = "lernstadt";

  /** The realm export on the class path, copied from {@code deploy/keycloak/} by the build. */
  public static final String REALM_RESOURCE = "keycloak/lernstadt-realm.json";

  private static final Logger LOG = Logger.getLogger(KeycloakServer.class);

  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(300);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Build-time options of the shared distribution. The database kind is fixed to H2 here; whether
   * it lives in memory or in a file is the runtime option {@code db-url}.
   */
  private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");

  private static final String BUILT_MARKER = ".lernstadt-built";
  private static final List<String> SHARED_FOLDERS = List.of("lib", "conf", "providers", "themes");
  private static final String LOG_FILE = "keycloak.log";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final String url;
  private final Process process;
  private final Path home;
  private final boolean deleteHomeOnClose;
  private final AtomicBoolean closed = new AtomicBoolean();
  private Thread shutdownHook;

  private KeycloakServer(String url, Process process, Path home, boolean deleteHomeOnClose) {
    this.url = url;
    this.process = process;
    this.home = home;
    this.deleteHomeOnClose = deleteHomeOnClose;
  }

  /**
   * Uses the server named by {@link #URL_SETTING} if set (it must be reachable and have the realm
   * {@value #REALM}), otherwise starts Keycloak from its distribution.
   *
   * @param dataDirectory the home folder of the started server, where it keeps an H2 database in a
   *     file between runs; the realm is imported only on the first start, so delete the folder to
   *     import a changed realm. {@code null} for an in-memory database in a throw-away folder, with
   *     a fresh realm import on every start
   * @param port the HTTP port of the started server; 0 for a free one
   */
  public static KeycloakServer startOrConnect(Path dataDirectory, int port) {
    String external = Settings.get(URL_SETTING);
    if (external != null) {
      return connect(external);
    }
    return startFromDistribution(dataDirectory, port);
  }

  /**
   * Uses the running server at this URL (e.g. http://localhost:8180); it must answer and have the
   * realm {@value #REALM}. {@link #close()} leaves it running.
   */
  public static KeycloakServer connect(String externalUrl) {
    String base = stripTrailingSlash(externalUrl.trim());
    KeycloakServer server = new KeycloakServer(base, null, null, false);
    String hint =
        "Start it with the realm from deploy/keycloak/lernstadt-realm.json imported, or unset "
            + URL_SETTING
            + " to start Keycloak from its distribution instead.";
    int status;
    try {
      status = discoveryStatus(server.realmUrl());
    } catch (IOException e) {
      // The HTTP client's connection errors have no message of their own.
      throw new ServerStartException(
          "Keycloak", base, hint, e.getMessage() == null ? new IOException(e.toString(), e) : e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("Keycloak", base, "Interrupted while checking it.", e);
    }
    if (status == 404) {
      throw new ServerStartException(
          "Keycloak", base, "It answers, but has no realm '" + REALM + "'. " + hint, null);
    }
    if (status != 200) {
      throw new ServerStartException(
          "Keycloak",
          base,
          "Its realm '" + REALM + "' answered HTTP " + status + " to discovery. " + hint,
          null);
    }
    LOG.infof("Using Keycloak at %s", base);
    return server;
  }

  static KeycloakServer startFromDistribution(Path dataDirectory, int port) {
    Path distribution = ensureDistribution();
    boolean inMemory = dataDirectory == null;
    Path home;
    try {
      home =
          inMemory
              ? Files.createTempDirectory("lernstadt-keycloak-")
              : Files.createDirectories(dataDirectory.toAbsolutePath());
      prepareHome(distribution, home);
    } catch (IOException e) {
      throw new ServerStartException(
          "Keycloak",
          inMemory
              ? "a folder in " + System.getProperty("java.io.tmpdir")
              : dataDirectory.toString(),
          "Could not prepare the instance folder; check that it is writable.",
          e);
    }

    int httpPort = port > 0 ? checkPortFree(port) : freePort();
    int managementPort = freePort();
    Path h2 = home.resolve("data").resolve("h2");
    boolean importRealm = inMemory || !Files.exists(h2.resolve("keycloakdb.mv.db"));
    String dbUrl =
        inMemory
            ? "jdbc:h2:mem:keycloakdb;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
            : "jdbc:h2:file:" + h2.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE";
    if (importRealm) {
      copyRealm(home.resolve("data").resolve("import"));
    }

    List<String> command = new ArrayList<>();
    // In a session of its own, Ctrl-C in the terminal does not reach Keycloak directly: it stops
    // when its owner stops it, after the services that use it.
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(distribution.resolve("bin").resolve("kc.sh").toString());
    command.add("start");
    command.add("--optimized");
    // kc.sh passes -D options to the JVM after its own -Dkc.home.dir, so this one wins.
    command.add("-Dkc.home.dir=" + home);
    command.add("--http-enabled=true");
    command.add("--hostname-strict=false");
    command.add("--http-host=127.0.0.1");
    command.add("--http-port=" + httpPort);
    command.add("--http-management-port=" + managementPort);
    command.add("--cache=local");
    command.add("--db-url=" + dbUrl);
    if (importRealm) {
      command.add("--import-realm");
    }

    Path log = home.resolve(LOG_FILE);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    configureEnvironment(builder.environment());
    // A local admin for the master realm's console; a demo value like the realm's passwords.
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");

    String url = "http://localhost:" + httpPort;
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ServerStartException(
          "Keycloak", url, "Could not run " + String.join(" ", command) + ". Log: " + log, e);
    }
    KeycloakServer server = new KeycloakServer(url, process, home, inMemory);
    server.shutdownHook = new Thread(server::close, "keycloak-stop-" + httpPort);
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    try {
      server.awaitReady(log);
    } catch (RuntimeException e) {
      server.stopProcess();
      server.removeShutdownHook();
      throw e;
    }
    LOG.infof(
        "Started Keycloak %s at %s in %d s (home %s, %s database%s)",
        version(),
        url,
        Duration.ofNanos(System.nanoTime() - started).toSeconds(),
        home,
        inMemory ? "in-memory" : "file",
        importRealm ? ", realm imported" : "");
    return server;
  }

  public String url() {
    return url;
  }

  public String realmUrl() {
    return url + "/realms/" + REALM;
  }

  public String tokenUrl() {
    return realmUrl() + "/protocol/openid-connect/token";
  }

  /** Whether this object started the server (rather than connecting to an existing one). */
  public boolean started() {
    return process != null;
  }

  /** The home folder of a started server, with its log file {@code keycloak.log}; else null. */
  public Path home() {
    return home;
  }

  /** Stops a started server and its child processes, and waits until they have exited. */
  @Override
  public void close() {
    if (process == null || !closed.compareAndSet(false, true)) {
      return;
    }
    stopProcess();
    removeShutdownHook();
    if (deleteHomeOnClose) {
      deleteRecursively(home);
    }
    LOG.infof("Stopped Keycloak at %s", url);
  }

  // ---------------------------------------------------------------- the distribution

  /** The Keycloak version this module was built against (the dependency's version). */
  static String version() {
    try (InputStream in =
        KeycloakServer.class.getResourceAsStream("/keycloak/distribution.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "keycloak/distribution.properties is not on the class path");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path cacheFolder() {
    return Path.of(
        Settings.getOrDefault(
            CACHE_SETTING,
            Path.of(System.getProperty("user.home"), ".cache", "lernstadt").toString()));
  }

  static Path distributionZip(String version) {
    String repo = System.getProperty("maven.repo.local");
    Path repository =
        repo == null || repo.isBlank()
            ? Path.of(System.getProperty("user.home"), ".m2", "repository")
            : Path.of(repo);
    return repository.resolve(
        Path.of(
            "org",
            "keycloak",
            "keycloak-quarkus-dist",
            version,
            "keycloak-quarkus-dist-" + version + ".zip"));
  }

  /**
   * Unpacks and builds the distribution into the cache folder unless that was done before. A file
   * lock keeps two JVMs from doing it at once; the unpacking goes to a temporary folder that is
   * renamed into place, and the build is marked done only after it succeeded.
   */
  static synchronized Path ensureDistribution() {
    String version = version();
    Path cache = cacheFolder();
    Path target = cache.resolve("keycloak-" + version);
    String buildId = String.join(" ", BUILD_OPTIONS);
    if (isBuilt(target, buildId)) {
      return target;
    }
    Path zip = distributionZip(version);
    if (!Files.isRegularFile(zip)) {
      throw new ServerStartException(
          "Keycloak",
          "the distribution " + zip,
          "It is not in the local Maven repository. Run `./mvnw -B -pl platform/dev-servers"
              + " dependency:resolve` (or any build of that module) once, or point "
              + URL_SETTING
              + " at a running Keycloak.",
          null);
    }
    try {
      Files.createDirectories(cache);
      try (FileChannel channel =
              FileChannel.open(
                  cache.resolve("keycloak-" + version + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = lock(channel)) {
        if (isBuilt(target, buildId)) {
          return target;
        }
        long begin = System.nanoTime();
        if (Files.exists(target)) {
          LOG.infof("Replacing the incomplete or differently built Keycloak in %s", target);
          deleteRecursively(target);
        }
        Path temporary = cache.resolve("keycloak-" + version + ".tmp-" + UUID.randomUUID());
        unzip(zip, temporary);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        build(target);
        Files.writeString(target.resolve(BUILT_MARKER), buildId + "\n");
        LOG.infof(
            "Unpacked and built Keycloak %s into %s in %d s",
            version, target, Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        return target;
      }
    } catch (IOException e) {
      throw new ServerStartException(
          "Keycloak",
          target.toString(),
          "Could not unpack "
              + zip
              + " there. Check that "
              + CACHE_SETTING
              + " names a writable folder.",
          e);
    }
  }

  /**
   * Waits for the lock across JVMs. Within one JVM the class is synchronized, but Quarkus tests may
   * load it in more than one class loader, and then the JVM reports the overlap instead of waiting.
   */
  private static FileLock lock(FileChannel channel) throws IOException {
    while (true) {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException e) {
        sleep(200);
      }
    }
  }

  private static boolean isBuilt(Path target, String buildId) {
    Path marker = target.resolve(BUILT_MARKER);
    try {
      return Files.isRegularFile(marker) && Files.readString(marker).trim().equals(buildId);
    } catch (IOException e) {
      return false;
    }
  }

  /** Unpacks the zip, dropping its single top folder (keycloak-VERSION/). */
  private static void unzip(Path zip, Path into) throws IOException {
    Files.createDirectories(into);
    Path root = into.toAbsolutePath().normalize();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      var entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        int slash = name.indexOf('/');
        if (slash < 0 || slash == name.length() - 1) {
          continue;
        }
        Path path = root.resolve(name.substring(slash + 1)).normalize();
        if (!path.startsWith(root)) {
          throw new IOException("Zip entry outside the target folder: " + name);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else {
          Files.createDirectories(path.getParent());
          try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    // java.util.zip does not restore file modes.
    try (DirectoryStream<Path> scripts = Files.newDirectoryStream(root.resolve("bin"), "*.sh")) {
      for (Path script : scripts) {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  private static void build(Path distribution) throws IOException {
    Path log = distribution.resolve("build.log");
    List<String> command = new ArrayList<>();
    // In a session of its own, Ctrl-C in the terminal does not reach Keycloak directly: it stops
    // when its owner stops it, after the services that use it.
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(distribution.resolve("bin").resolve("kc.sh").toString());
    command.add("build");
    command.addAll(BUILD_OPTIONS);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(distribution.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    configureEnvironment(builder.environment());
    Process process = builder.start();
    try {
      if (!process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        destroyTree(process);
        throw new ServerStartException(
            "Keycloak",
            distribution.toString(),
            "`kc.sh build` did not finish within "
                + BUILD_TIMEOUT.toSeconds()
                + " s. Log "
                + log
                + ":\n"
                + tail(log),
            null);
      }
    } catch (InterruptedException e) {
      destroyTree(process);
      Thread.currentThread().interrupt();
      throw new ServerStartException("Keycloak", distribution.toString(), "Interrupted.", e);
    }
    if (process.exitValue() != 0) {
      throw new ServerStartException(
          "Keycloak",
          distribution.toString(),
          "`kc.sh build` failed with exit code "
              + process.exitValue()
              + ". Log "
              + log
              + ":\n"
              + tail(log),
          null);
    }
  }

  /**
   * Runs Keycloak on the JVM of this process, with a modest heap, and keeps settings meant for
   * other programs (KC_*, QUARKUS_*, JAVA_OPTS, ...) from leaking into it.
   */
  private static void configureEnvironment(Map<String, String> env) {
    env.keySet()
        .removeIf(
            k ->
                k.startsWith("KC_")
                    || k.startsWith("QUARKUS_")
                    || k.startsWith("JAVA_OPTS")
                    || k.startsWith("DEBUG")
                    || k.equals("JAVA")
                    || k.equals("JAVA_ADD_OPENS")
                    || k.equals("JAVA_LOCALE")
                    || k.equals("PRINT_ENV"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    // Needed by jboss-threads on Java 24 and later; harmless before.
    env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
  }

  // ---------------------------------------------------------------- one instance

  private static void prepareHome(Path distribution, Path home) throws IOException {
    Files.createDirectories(home.resolve("data"));
    for (String folder : SHARED_FOLDERS) {
      Path link = home.resolve(folder);
      if (Files.isSymbolicLink(link)) {
        Files.delete(link);
      } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(
            link + " exists and is not a link into the Keycloak distribution; use an empty folder");
      }
      Files.createSymbolicLink(link, distribution.resolve(folder));
    }
  }

  private static void copyRealm(Path importFolder) {
    try (InputStream in =
        KeycloakServer.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            REALM_RESOURCE
                + " is not on the class path; the build of lernstadt-dev-servers copies it"
                + " from deploy/keycloak/");
      }
      Files.createDirectories(importFolder);
      Files.copy(
          in, importFolder.resolve("lernstadt-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Path log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    IOException lastError = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new ServerStartException(
            "Keycloak",
            url,
            "The process exited with code "
                + process.exitValue()
                + " before the realm answered. Log "
                + log
                + ":\n"
                + tail(log),
            null);
      }
      try {
        if (discoveryStatus(realmUrl()) == 200) {
          return;
        }
      } catch (IOException e) {
        lastError = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServerStartException("Keycloak", url, "Interrupted while waiting for it.", e);
      }
      sleep(250);
    }
    throw new ServerStartException(
        "Keycloak",
        url,
        "The realm did not answer within "
            + START_TIMEOUT.toSeconds()
            + " s"
            + (lastError == null ? "" : " (last error: " + lastError + ")")
            + ". Log "
            + log
            + ":\n"
            + tail(log),
        null);
  }

  private static int discoveryStatus(String realmUrl) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void stopProcess() {
    destroyTree(process);
  }

  /**
   * Stops kc.sh and the JVM it started: the children first (kc.sh would otherwise die and leave its
   * JVM running), gently, then by force after a grace period.
   */
  private static void destroyTree(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    process.destroy();
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    for (ProcessHandle handle : concat(children, process.toHandle())) {
      long left = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (Exception e) {
        LOG.warnf("Keycloak process %d did not stop in time; killing it", handle.pid());
      }
    }
    children.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void removeShutdownHook() {
    Thread hook = shutdownHook;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down already.
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static List<ProcessHandle> concat(List<ProcessHandle> children, ProcessHandle parent) {
    List<ProcessHandle> all = new ArrayList<>(children);
    all.add(parent);
    return all;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  private static int checkPortFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return port;
    } catch (IOException e) {
      throw new ServerStartException(
          "Keycloak",
          "http://localhost:" + port,
          "The port is in use. Stop what uses it, or pass port 0 for a free one.",
          e);
    }
  }

  /** The last lines of a log file, for an error message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log not readable: " + e.getMessage() + ")";
    }
  }

  private static String stripTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("Keycloak", "", "Interrupted.", e);
    }
  }

  private static void deleteRecursively(Path folder) {
    if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // Files.walk does not follow symbolic links, so the shared distribution is left alone.
    try (Stream<Path> paths = Files.walk(folder)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  LOG.debugf("Could not delete %s: %s", p, e);
                }
              });
    } catch (IOException e) {
      LOG.warnf("Could not delete %s: %s", folder, e);
    }
  }
}

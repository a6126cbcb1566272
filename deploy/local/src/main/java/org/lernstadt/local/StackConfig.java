package org.lernstadt.local;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lernstadt.platform.servers.Settings;

/** What the user asked for on the command line and in the environment. */
record StackConfig(
    Command command,
    Path root,
    Path dataDir,
    boolean fresh,
    boolean onlyInfra,
    Map<String, Integer> ports,
    Duration serviceTimeout,
    int parallel,
    List<String> serviceJavaOptions) {

  enum Command {
    UP,
    HELP
  }

  static final String POSTGRES = "postgres";
  static final String KAFKA = "kafka";
  static final String KAFKA_CONTROLLER = "kafka-controller";
  static final String KEYCLOAK = "keycloak";

  /** Default ports; each can be changed with --port NAME=N or LERNSTADT_PORT_NAME. */
  static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

  /**
   * Services started at once. Five Quarkus JVMs on two cores start faster all together than one
   * after the other, since each spends much of its start waiting on PostgreSQL, Kafka and Keycloak.
   */
  static final int DEFAULT_PARALLEL = 5;

  /** Small heaps and a quick JIT: a local stack of five JVMs must fit a laptop. */
  static final String DEFAULT_SERVICE_JAVA_OPTS =
      "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  static final String USAGE =
      """
      Usage: ./lernstadt [up] [options]      start the local stack (default)
             ./lernstadt help                show this text

      Starts PostgreSQL, Kafka (KRaft) and Keycloak, then all Lernstadt services, and stops them
      all on Ctrl-C. Data stays in the data folder between runs.

      Options:
        --data DIR          data folder (default: .lernstadt/ in the project root)
        --fresh             wipe the data folder first (databases, topics, Keycloak, logs)
        --only-infra        start only PostgreSQL, Kafka and Keycloak, and print the environment
                            for running services with `./mvnw quarkus:dev -pl <service>`
        --port NAME=PORT    change a port; NAME is one of %s
        --timeout SECONDS   how long to wait for each service to become ready (default 180)
        --parallel N        how many services to start at once (default %d)
        --no-build          (script only) do not rebuild missing or outdated jars

      Existing servers instead of embedded ones:
        LERNSTADT_POSTGRES_URL=jdbc:postgresql://host:5432/postgres
          (with LERNSTADT_POSTGRES_USER, LERNSTADT_POSTGRES_PASSWORD)
        LERNSTADT_KAFKA_BOOTSTRAP=host:9092
        LERNSTADT_KEYCLOAK_URL=http://host:8180   (must have the realm lernstadt)
      Other environment variables:
        LERNSTADT_PORT_<NAME>       same as --port, e.g. LERNSTADT_PORT_KAFKA=19092
        LERNSTADT_SERVICE_JAVA_OPTS JVM options of the services (default: %s)
      """;

  static String usage() {
    return USAGE.formatted(
        String.join(", ", DEFAULT_PORTS.keySet()), DEFAULT_PARALLEL, DEFAULT_SERVICE_JAVA_OPTS);
  }

  int port(String name) {
    Integer port = ports.get(name);
    if (port == null) {
      throw new IllegalArgumentException("No port named " + name);
    }
    return port;
  }

  Path logsDir() {
    return dataDir.resolve("logs");
  }

  static StackConfig parse(String[] args) {
    Command command = Command.UP;
    Path root = findRoot();
    Path dataDir = null;
    boolean fresh = false;
    boolean onlyInfra = false;
    Map<String, Integer> ports = new LinkedHashMap<>(DEFAULT_PORTS);
    for (String name : DEFAULT_PORTS.keySet()) {
      String env = "LERNSTADT_PORT_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
      String value = Settings.get(env);
      if (value != null) {
        ports.put(name, parsePort(env, value));
      }
    }
    Duration timeout = Duration.ofSeconds(180);
    int parallel = DEFAULT_PARALLEL;

    List<String> rest = new ArrayList<>(List.of(args));
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      switch (arg) {
        case "up" -> command = Command.UP;
        case "help", "--help", "-h" -> command = Command.HELP;
        case "--fresh" -> fresh = true;
        case "--only-infra" -> onlyInfra = true;
        case "--no-build" -> {
          // handled by the script; harmless here
        }
        case "--data" -> dataDir = Path.of(value(rest, ++i, arg));
        case "--timeout" -> timeout = Duration.ofSeconds(number(arg, value(rest, ++i, arg)));
        case "--parallel" -> parallel = Math.max(1, number(arg, value(rest, ++i, arg)));
        case "--port" -> {
          String spec = value(rest, ++i, arg);
          int eq = spec.indexOf('=');
          String name = eq < 0 ? "" : spec.substring(0, eq);
          if (!DEFAULT_PORTS.containsKey(name)) {
            throw new UsageException(
                "--port wants NAME=PORT with NAME one of "
                    + String.join(", ", DEFAULT_PORTS.keySet())
                    + ", not "
                    + spec);
          }
          ports.put(name, parsePort(arg, spec.substring(eq + 1)));
        }
        default -> throw new UsageException("Unknown argument: " + arg);
      }
    }
    if (dataDir == null) {
      dataDir = root.resolve(".lernstadt");
    }
    String javaOpts =
        Settings.getOrDefault("LERNSTADT_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS).trim();
    return new StackConfig(
        command,
        root,
        dataDir.toAbsolutePath().normalize(),
        fresh,
        onlyInfra,
        Map.copyOf(ports),
        timeout,
        parallel,
        javaOpts.isEmpty() ? List.of() : List.of(javaOpts.split("\\s+")));
  }

  private static Map<String, Integer> defaultPorts() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (ServiceDef service : ServiceDef.values()) {
      ports.put(service.portName(), service.defaultPort());
    }
    ports.put(KEYCLOAK, 8180);
    ports.put(POSTGRES, 15432);
    ports.put(KAFKA, 9092);
    ports.put(KAFKA_CONTROLLER, 9093);
    return java.util.Collections.unmodifiableMap(ports);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(i);
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " wants a number, not " + value);
    }
  }

  private static int parsePort(String option, String value) {
    int port = number(option, value);
    if (port < 1 || port > 65535) {
      throw new UsageException(option + ": not a port: " + value);
    }
    return port;
  }

  /**
   * The project root: given by the script as -Dlernstadt.root, else the folder above
   * deploy/local/target that holds the launcher jar, else the working directory.
   */
  static Path findRoot() {
    String given = System.getProperty("lernstadt.root");
    if (given != null && !given.isBlank()) {
      return Path.of(given).toAbsolutePath().normalize();
    }
    try {
      Path code =
          Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = code.toAbsolutePath(); p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("mvnw"))
            && Files.isRegularFile(p.resolve("deploy/local/pom.xml"))) {
          return p;
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through
    }
    return Path.of("").toAbsolutePath();
  }

  /** The folder with the launcher's dependencies (target/lib), also the Kafka classpath. */
  static Path libDir() {
    try {
      Path code =
          Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/lernstadt-local.jar or target/classes: both have target/lib beside them
      return code.toAbsolutePath().getParent().resolve("lib");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A mistake on the command line: printed with the usage text. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}

package org.lernstadt.manifests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the deployments must match, read from the services themselves: their modules and ports (the
 * local launcher's ServiceDef), the configuration they read and the Kafka topics they use.
 */
record LernstadtService(String module, String portName, int port, String database) {

  private static final Pattern SERVICE_DEF =
      Pattern.compile("\\w+\\(\"([a-z-]+)\", \"([a-z]+)\", (\\d+), (?:\"([a-z]+)\"|null)\\)");
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern TOPIC_CONSTANT =
      Pattern.compile("String TOPIC\\s*=\\s*\"([a-z0-9.-]+)\"");

  /** The five services, as the local launcher (deploy/local ServiceDef) defines them. */
  static List<LernstadtService> all() {
    String source =
        Repo.read(Repo.path("deploy/local/src/main/java/org/lernstadt/local/ServiceDef.java"));
    List<LernstadtService> services = new ArrayList<>();
    Matcher m = SERVICE_DEF.matcher(source);
    while (m.find()) {
      services.add(
          new LernstadtService(m.group(1), m.group(2), Integer.parseInt(m.group(3)), m.group(4)));
    }
    if (services.size() != 5) {
      throw new IllegalStateException("ServiceDef changed its form: found " + services);
    }
    return services;
  }

  static LernstadtService named(String module) {
    return all().stream().filter(s -> s.module.equals(module)).findFirst().orElseThrow();
  }

  boolean isGateway() {
    return database == null;
  }

  /** The environment variable that MicroProfile Config maps to a property (its rule 3). */
  static String env(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  /**
   * Every property this service can be given: those of its application.properties (any profile),
   * the platform's defaults, the {@code @ConfigProperty} names of its and the platform's code, and
   * for the gateway the REST client URL of each service (the launcher's contract, see
   * ServiceProcess#environment).
   */
  Set<String> knownProperties() {
    Set<String> known = new TreeSet<>();
    for (String key : properties().stringPropertyNames()) {
      known.add(withoutProfile(key));
    }
    known.addAll(platformDefaults());
    for (Path sources : sourceRoots()) {
      Matcher m = CONFIG_PROPERTY.matcher(javaSources(sources));
      while (m.find()) {
        known.add(m.group(1));
      }
    }
    if (isGateway()) {
      for (LernstadtService other : all()) {
        if (!other.isGateway()) {
          known.add("lernstadt.gateway.services." + other.portName + ".url");
        }
      }
    }
    return known;
  }

  /**
   * What production must set: the properties this service has only in its dev profile (addresses
   * and secrets of the local stack; "nothing has a default there") and, for the gateway, the URLs
   * of the services.
   */
  Set<String> requiredInProduction() {
    Properties properties = properties();
    Set<String> defaults = new TreeSet<>(platformDefaults());
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith("%") || key.startsWith("%prod.")) {
        defaults.add(withoutProfile(key));
      }
    }
    Set<String> required = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("%dev.") && !defaults.contains(withoutProfile(key))) {
        required.add(withoutProfile(key));
      }
    }
    if (isGateway()) {
      for (LernstadtService other : all()) {
        if (!other.isGateway()) {
          required.add("lernstadt.gateway.services." + other.portName + ".url");
        }
      }
    }
    return required;
  }

  /** The topics of every service: outbox topics in the code, channel topics in the properties. */
  static Set<String> topics() {
    Set<String> topics = new TreeSet<>();
    for (LernstadtService service : all()) {
      Matcher m = TOPIC_CONSTANT.matcher(javaSources(Repo.path(service.module + "/src/main/java")));
      while (m.find()) {
        topics.add(m.group(1));
      }
      Properties properties = service.properties();
      for (String key : properties.stringPropertyNames()) {
        if (key.startsWith("mp.messaging.")
            && (key.endsWith(".topic") || key.endsWith(".topics"))) {
          for (String topic : properties.getProperty(key).split(",")) {
            topics.add(topic.trim());
          }
        }
      }
    }
    return topics;
  }

  Properties properties() {
    Properties properties = new Properties();
    String file = Repo.read(Repo.path(module + "/src/main/resources/application.properties"));
    try {
      properties.load(new StringReader(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static String withoutProfile(String key) {
    return key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
  }

  /** The properties the platform libraries set for every service (web and events). */
  private static Set<String> platformDefaults() {
    Set<String> keys = new TreeSet<>();
    for (String library : List.of("web", "events")) {
      Properties defaults = new Properties();
      try {
        defaults.load(
            new StringReader(
                Repo.read(
                    Repo.path(
                        "platform/"
                            + library
                            + "/src/main/resources/META-INF/microprofile-config.properties"))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      defaults.stringPropertyNames().forEach(key -> keys.add(withoutProfile(key)));
    }
    return keys;
  }

  private List<Path> sourceRoots() {
    List<Path> roots = new ArrayList<>();
    roots.add(Repo.path(module + "/src/main/java"));
    roots.add(Repo.path("platform/events/src/main/java"));
    roots.add(Repo.path("platform/web/src/main/java"));
    return roots;
  }

  private static String javaSources(Path root) {
    if (!Files.isDirectory(root)) {
      return "";
    }
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Repo.read(file)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toString();
  }

  /** Names of the environment variables of a set of properties. */
  static Set<String> envNames(Set<String> properties) {
    Set<String> names = new LinkedHashSet<>();
    properties.forEach(p -> names.add(env(p)));
    return names;
  }
}

package org.lernstadt.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lernstadt.manifests.Repo.list;
import static org.lernstadt.manifests.Repo.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, checked without a Docker engine: what it starts, how it waits, what it gives
 * each service. The file is also checked by `docker-compose config` where that client is installed.
 */
class ComposeFileTest {

  private static final Path FILE = Repo.path("docker-compose.yml");
  private final Map<String, Object> services = map(Repo.yaml(FILE).get("services"));

  @Test
  void runsTheInfrastructureAndEveryServiceFromItsDockerfile() {
    assertTrue(services.keySet().containsAll(Set.of("postgres", "kafka", "keycloak")));
    for (LernstadtService service : LernstadtService.all()) {
      Map<String, Object> entry = map(services.get(service.module()));
      Map<String, Object> build = map(entry.get("build"));
      Path context = FILE.getParent().resolve((String) build.get("context"));
      Path dockerfile = context.resolve((String) build.get("dockerfile"));
      assertEquals(Repo.path(service.module()), context.normalize(), service.module());
      assertTrue(Files.isRegularFile(dockerfile), dockerfile + " is missing");
      assertTrue(
          Repo.read(dockerfile).contains("COPY target/quarkus-app/lib/ /deployments/lib/"),
          dockerfile + " does not copy the fast-jar layout");
    }
    for (Map.Entry<String, Object> entry : services.entrySet()) {
      Map<String, Object> service = map(entry.getValue());
      assertTrue(
          service.containsKey("image") || service.containsKey("build"),
          entry.getKey() + " has neither image nor build");
    }
  }

  @Test
  void everyContainerHasAHealthCheckAndWaitsForHealthyDependencies() {
    for (Map.Entry<String, Object> entry : services.entrySet()) {
      Map<String, Object> healthcheck = map(map(entry.getValue()).get("healthcheck"));
      assertFalse(list(healthcheck.get("test")).isEmpty(), entry.getKey() + " has no healthcheck");
      for (Map.Entry<String, Object> dependency :
          map(map(entry.getValue()).get("depends_on")).entrySet()) {
        assertTrue(
            services.containsKey(dependency.getKey()),
            entry.getKey() + " depends on a missing service " + dependency.getKey());
        assertEquals(
            "service_healthy",
            map(dependency.getValue()).get("condition"),
            entry.getKey() + " -> " + dependency.getKey());
      }
    }
    for (LernstadtService service : LernstadtService.all()) {
      Map<String, Object> entry = map(services.get(service.module()));
      String check =
          String.join(
              " ",
              list(map(entry.get("healthcheck")).get("test")).stream()
                  .map(String::valueOf)
                  .toList());
      assertTrue(
          check.contains("/dev/tcp/127.0.0.1/" + service.port())
              && check.contains("GET /q/health/ready "),
          service.module() + " is not checked at /q/health/ready on its port: " + check);
      Set<String> dependencies = map(entry.get("depends_on")).keySet();
      Set<String> needed =
          service.isGateway()
              ? Set.of(
                  "keycloak",
                  "catalogue-service",
                  "counseling-service",
                  "participation-service",
                  "monitoring-service")
              : Set.of("postgres", "kafka", "keycloak");
      assertEquals(needed, dependencies, service.module());
    }
  }

  @Test
  void givesEachServiceTheEnvironmentItReadsAndNothingElse() {
    for (LernstadtService service : LernstadtService.all()) {
      Set<String> env = map(map(services.get(service.module())).get("environment")).keySet();
      Set<String> known = LernstadtService.envNames(service.knownProperties());
      Set<String> unknown = new TreeSet<>(env);
      unknown.removeAll(known);
      assertEquals(Set.of(), unknown, service.module() + " is given variables it does not read");
      Set<String> missing =
          new TreeSet<>(LernstadtService.envNames(service.requiredInProduction()));
      missing.removeAll(env);
      assertEquals(Set.of(), missing, service.module() + " lacks variables it needs");
      assertEquals(
          String.valueOf(service.port()),
          String.valueOf(
              map(map(services.get(service.module())).get("environment")).get("QUARKUS_HTTP_PORT")),
          service.module());
    }
  }

  @Test
  void publishesEachHostPortOnce() {
    List<String> ports = new ArrayList<>();
    for (Object service : services.values()) {
      for (Object port : list(map(service).get("ports"))) {
        ports.add(String.valueOf(port).split(":")[0]);
      }
    }
    assertEquals(new HashSet<>(ports).size(), ports.size(), "host ports published twice: " + ports);
  }

  @Test
  void mountsFilesThatExist() {
    for (Object service : services.values()) {
      for (Object volume : list(map(service).get("volumes"))) {
        String source = String.valueOf(volume).split(":")[0];
        if (source.startsWith("./")) {
          assertTrue(Files.isRegularFile(FILE.getParent().resolve(source)), source + " is missing");
        }
      }
    }
  }

  /** The Compose client's own validation, where it is installed (not on every build machine). */
  @Test
  void passesDockerComposeConfig() throws Exception {
    Path client =
        Stream.of(System.getenv("PATH").split(":"))
            .map(dir -> Path.of(dir, "docker-compose"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    assumeTrue(client != null, "docker-compose is not installed");
    Process process =
        new ProcessBuilder(client.toString(), "-f", FILE.toString(), "config", "-q")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
  }
}

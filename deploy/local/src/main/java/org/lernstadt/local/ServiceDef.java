package org.lernstadt.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The Lernstadt services: Maven module, port name and default port, database (if any). */
enum ServiceDef {
  CATALOGUE("catalogue-service", "catalogue", 8081, "catalogue"),
  COUNSELING("counseling-service", "counseling", 8082, "counseling"),
  PARTICIPATION("participation-service", "participation", 8083, "participation"),
  MONITORING("monitoring-service", "monitoring", 8084, "monitoring"),
  GATEWAY("gateway", "gateway", 8080, null);

  private final String module;
  private final String portName;
  private final int defaultPort;
  private final String database;

  ServiceDef(String module, String portName, int defaultPort, String database) {
    this.module = module;
    this.portName = portName;
    this.defaultPort = defaultPort;
    this.database = database;
  }

  /** The Maven module, also the name shown to the user and of the log file. */
  String module() {
    return module;
  }

  /**
   * The short name: the key in --port, and the gateway's route and service name
   * (lernstadt.gateway.services.NAME.url).
   */
  String portName() {
    return portName;
  }

  int defaultPort() {
    return defaultPort;
  }

  /** The service's own database, or null. */
  String database() {
    return database;
  }

  Path jar(Path root) {
    return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
  }

  /**
   * Whether the service needs Keycloak while it starts: an OIDC client (quarkus-oidc-client, used
   * by the OIDC REST client filter) fetches its tokens at start. Quarkus OIDC alone does not: it
   * connects on the first request if Keycloak was not there yet.
   */
  boolean needsKeycloakAtStart(Path root) {
    Path libs = root.resolve(module).resolve("target/quarkus-app/lib/main");
    try (Stream<Path> jars = Files.list(libs)) {
      return jars.anyMatch(
          jar -> jar.getFileName().toString().startsWith("io.quarkus.quarkus-oidc-client-"));
    } catch (IOException e) {
      return true; // cannot tell: be safe
    }
  }
}

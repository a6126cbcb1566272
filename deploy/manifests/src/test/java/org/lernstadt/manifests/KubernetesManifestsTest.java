package org.lernstadt.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.manifests.Manifests.at;
import static org.lernstadt.manifests.Manifests.name;
import static org.lernstadt.manifests.Repo.list;
import static org.lernstadt.manifests.Repo.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes overlays, rendered, against the models of their kinds and against the services:
 * probes, resources, security, autoscaling, disruption budgets, network policies, the environment
 * each service reads, the topics it uses, the databases and the Secrets they come from.
 */
class KubernetesManifestsTest {

  /** Kinds without a model on Maven Central or npm; checked by the assertions below only. */
  private static final Set<String> WITHOUT_MODEL =
      Set.of(
          "postgresql.cnpg.io/v1/Cluster",
          "k8s.keycloak.org/v2alpha1/Keycloak",
          "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyManifestMatchesTheModelOfItsKind(String overlay) {
    List<String> violations = new ArrayList<>();
    for (Map<String, Object> resource : Manifests.render(overlay).resources()) {
      String kind = resource.get("apiVersion") + "/" + resource.get("kind");
      if (!WITHOUT_MODEL.contains(kind)) {
        violations.addAll(StrictModels.violations(resource));
      }
    }
    assertEquals(List.of(), violations);
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyServiceRunsSafelyWithProbesResourcesAutoscalingAndABudget(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    assertEquals(5, manifests.ofKind("Deployment").size());
    for (LernstadtService service : LernstadtService.all()) {
      Map<String, Object> deployment = manifests.get("Deployment", service.module());
      assertEquals(List.of(), deploymentViolations(deployment, service), service.module());

      Map<String, Object> hpa = manifests.get("HorizontalPodAutoscaler", service.module());
      assertEquals(service.module(), at(hpa, "spec", "scaleTargetRef", "name"));
      assertEquals("Deployment", at(hpa, "spec", "scaleTargetRef", "kind"));
      int min = (Integer) at(hpa, "spec", "minReplicas");
      assertTrue(min >= 1 && min <= (Integer) at(hpa, "spec", "maxReplicas"), service.module());

      Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
      Map<String, Object> pdb = manifests.get("PodDisruptionBudget", service.module());
      assertTrue(Manifests.selects(map(at(pdb, "spec", "selector")), podLabels));

      Map<String, Object> k8sService = manifests.get("Service", service.module());
      assertTrue(
          Manifests.selects(Map.of("matchLabels", at(k8sService, "spec", "selector")), podLabels));
      assertEquals(service.port(), at(k8sService, "spec", "ports", 0, "port"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void givesEachServiceTheEnvironmentItReadsFromThingsThatExist(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    for (LernstadtService service : LernstadtService.all()) {
      List<Object> env =
          list(
              at(
                  manifests.get("Deployment", service.module()),
                  "spec",
                  "template",
                  "spec",
                  "containers",
                  0,
                  "env"));
      Set<String> names = new TreeSet<>();
      for (Object variable : env) {
        Map<String, Object> v = map(variable);
        names.add((String) v.get("name"));
        Map<String, Object> secret = map(at(v, "valueFrom", "secretKeyRef"));
        if (!secret.isEmpty()) {
          assertTrue(
              secretHasKey(manifests, (String) secret.get("name"), (String) secret.get("key")),
              service.module() + ": no Secret key " + secret);
        }
        Map<String, Object> configMap = map(at(v, "valueFrom", "configMapKeyRef"));
        if (!configMap.isEmpty()) {
          assertTrue(
              map(at(manifests.get("ConfigMap", (String) configMap.get("name")), "data"))
                  .containsKey((String) configMap.get("key")),
              service.module() + ": no ConfigMap key " + configMap);
        }
      }
      Set<String> unknown = new TreeSet<>(names);
      unknown.removeAll(LernstadtService.envNames(service.knownProperties()));
      assertEquals(Set.of(), unknown, service.module() + " is given variables it does not read");
      Set<String> missing =
          new TreeSet<>(LernstadtService.envNames(service.requiredInProduction()));
      missing.removeAll(names);
      assertEquals(Set.of(), missing, service.module() + " lacks variables it needs");

      if (!service.isGateway()) {
        String cluster = service.database() + "-db";
        Map<String, Object> db = manifests.get("Cluster", cluster);
        assertEquals(service.database(), at(db, "spec", "bootstrap", "initdb", "database"));
        assertEquals(service.database(), at(db, "spec", "bootstrap", "initdb", "owner"));
        assertTrue(
            env.stream()
                .map(Repo::map)
                .anyMatch(
                    v ->
                        ("postgresql://" + cluster + "-rw:5432/" + service.database())
                            .equals(v.get("value"))),
            service.module() + " does not use its database " + cluster);
      }
    }
  }

  /**
   * Connections one pod may hold: the reactive pool (Quarkus' default maximum, 20), the outbox
   * relay's LISTEN connection, and Flyway's JDBC connections that linger after the start.
   */
  private static final int CONNECTIONS_PER_POD = 20 + 1 + 2;

  /** CloudNativePG's own connections and PostgreSQL's reserved superuser slots. */
  private static final int CONNECTIONS_RESERVED = 10;

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyDatabaseAcceptsTheConnectionsOfTheMostPodsTheAutoscalerRuns(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    for (LernstadtService service : LernstadtService.all()) {
      if (service.isGateway()) {
        continue;
      }
      int pods =
          (Integer)
              at(manifests.get("HorizontalPodAutoscaler", service.module()), "spec", "maxReplicas");
      Map<String, Object> cluster = manifests.get("Cluster", service.database() + "-db");
      int maxConnections =
          Integer.parseInt(
              (String) at(cluster, "spec", "postgresql", "parameters", "max_connections"));
      assertTrue(
          maxConnections >= pods * CONNECTIONS_PER_POD + CONNECTIONS_RESERVED,
          service.module() + ": " + pods + " pods, max_connections " + maxConnections);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void declaresEveryTopicTheServicesUseAndNoOther(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    String cluster = name(manifests.ofKind("Kafka").get(0));
    Set<String> declared = new TreeSet<>();
    for (Map<String, Object> topic : manifests.ofKind("KafkaTopic")) {
      declared.add((String) at(topic, "spec", "topicName"));
      assertEquals(cluster, at(topic, "metadata", "labels", "strimzi.io/cluster"));
      assertNotNull(at(topic, "spec", "partitions"), name(topic));
      assertEquals("delete", at(topic, "spec", "config", "cleanup.policy"), name(topic));
      assertNotNull(at(topic, "spec", "config", "retention.ms"), name(topic));
    }
    assertEquals(LernstadtService.topics(), declared);
    assertEquals(
        false,
        at(
            manifests.ofKind("Kafka").get(0),
            "spec",
            "kafka",
            "config",
            "auto.create.topics.enable"));
    for (Map<String, Object> pool : manifests.ofKind("KafkaNodePool")) {
      assertEquals(cluster, at(pool, "metadata", "labels", "strimzi.io/cluster"));
    }
    // the address the services are given is the Strimzi bootstrap service of a plain listener
    assertEquals(
        cluster + "-kafka-bootstrap:9092",
        at(manifests.get("ConfigMap", "lernstadt-stack"), "data", "kafka-bootstrap-servers"));
    assertTrue(
        list(at(manifests.ofKind("Kafka").get(0), "spec", "kafka", "listeners")).stream()
            .map(Repo::map)
            .anyMatch(
                l ->
                    Integer.valueOf(9092).equals(l.get("port"))
                        && Boolean.FALSE.equals(l.get("tls"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void onlyTheGatewayIsReachableFromOutside(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    for (Map<String, Object> ingress : manifests.ofKind("Ingress")) {
      for (Object rule : list(at(ingress, "spec", "rules"))) {
        for (Object path : list(at(rule, "http", "paths"))) {
          assertEquals("gateway", at(path, "backend", "service", "name"));
        }
      }
    }
    for (LernstadtService service : LernstadtService.all()) {
      Map<String, Object> labels =
          map(
              at(
                  manifests.get("Deployment", service.module()),
                  "spec",
                  "template",
                  "metadata",
                  "labels"));
      List<Map<String, Object>> ingressRules = new ArrayList<>();
      boolean egressLimited = false;
      for (Map<String, Object> policy : manifests.ofKind("NetworkPolicy")) {
        if (!Manifests.selects(map(at(policy, "spec", "podSelector")), labels)) {
          continue;
        }
        List<Object> types = list(at(policy, "spec", "policyTypes"));
        if (types.contains("Ingress")) {
          list(at(policy, "spec", "ingress")).forEach(r -> ingressRules.add(map(r)));
        }
        egressLimited |= types.contains("Egress");
      }
      assertFalse(ingressRules.isEmpty(), service.module() + ": no ingress policy");
      assertTrue(egressLimited, service.module() + ": no egress policy");
      Set<String> allowedFrom = new TreeSet<>();
      for (Map<String, Object> rule : ingressRules) {
        for (Object peer : list(rule.get("from"))) {
          Object namespace =
              at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
          Object pod = at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name");
          allowedFrom.add(namespace != null ? "namespace " + namespace : "pod " + pod);
        }
        assertFalse(list(rule.get("from")).isEmpty(), service.module() + ": open to all");
      }
      assertEquals(
          service.isGateway()
              ? Set.of("namespace ingress-nginx", "namespace monitoring")
              : Set.of("pod gateway", "namespace monitoring"),
          allowedFrom,
          service.module());
    }
  }

  @Test
  void keepsDemoValuesOutOfProduction() {
    Manifests production = Manifests.render("production");
    for (Map<String, Object> secret : production.ofKind("Secret")) {
      for (Object value : map(secret.get("stringData")).values()) {
        assertEquals("REPLACE-ME", value, name(secret) + " holds a value in production");
      }
    }
    for (Map<String, Object> deployment : production.ofKind("Deployment")) {
      String image = (String) at(deployment, "spec", "template", "spec", "containers", 0, "image");
      assertTrue(image.startsWith("registry.example.org/lernstadt/"), image);
      assertFalse(image.contains("SNAPSHOT"), image);
    }
    // the demo users (password "demo") are imported by the local overlay only
    assertEquals(null, at(realmImport(production), "spec", "realm", "users"));
    assertFalse(
        list(at(realmImport(Manifests.render("local")), "spec", "realm", "users")).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void pointsTheServicesAtTheKeycloakOfTheRealmImport(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    Map<String, Object> keycloak = manifests.ofKind("Keycloak").get(0);
    Map<String, Object> realmImport = realmImport(manifests);
    assertEquals(name(keycloak), at(realmImport, "spec", "keycloakCRName"));
    assertEquals(
        "http://"
            + name(keycloak)
            + "-service:8080/realms/"
            + at(realmImport, "spec", "realm", "realm"),
        at(manifests.get("ConfigMap", "lernstadt-stack"), "data", "oidc-auth-server-url"));
    assertEquals(true, at(keycloak, "spec", "http", "httpEnabled"));
    assertEquals(true, at(keycloak, "spec", "hostname", "backchannelDynamic"));
    String database = (String) at(keycloak, "spec", "db", "host");
    assertTrue(manifests.has("Cluster", database.replace("-rw", "")), database);
    for (Object placeholder : map(at(realmImport, "spec", "placeholders")).values()) {
      Map<String, Object> secret = map(at(placeholder, "secret"));
      assertTrue(secretHasKey(manifests, (String) secret.get("name"), (String) secret.get("key")));
    }
  }

  // The checks can fail: a typo, a wrong type, a missing required property or probe is found.

  @Test
  void rejectsAnUnknownFieldAWrongTypeAnUnknownValueAndAMissingRequiredProperty() {
    Manifests manifests = Manifests.render("production");
    Map<String, Object> deployment = copy(manifests.get("Deployment", "gateway"));
    Map<String, Object> container =
        map(at(deployment, "spec", "template", "spec", "containers", 0));
    container.put("readinesProbe", container.remove("readinessProbe"));
    assertTrue(StrictModels.violations(deployment).get(0).contains("readinesProbe"));

    Map<String, Object> service = copy(manifests.get("Service", "gateway"));
    map(at(service, "spec", "ports", 0)).put("port", "eighty");
    assertFalse(StrictModels.violations(service).isEmpty());

    Map<String, Object> pool = copy(manifests.ofKind("KafkaNodePool").get(0));
    map(pool.get("spec")).put("roles", List.of("controller", "brokers"));
    assertEquals(
        List.of(
            "kafka.strimzi.io/v1/KafkaNodePool dual-role.spec.roles[1]: value not understood:"
                + " \"brokers\""),
        StrictModels.violations(pool));

    Map<String, Object> kafka = copy(manifests.ofKind("Kafka").get(0));
    map(at(kafka, "spec", "kafka", "listeners", 0)).remove("port");
    assertEquals(
        List.of(
            "kafka.strimzi.io/v1/Kafka lernstadt.spec.kafka.listeners[0]: required property"
                + " missing: port"),
        StrictModels.violations(kafka));
  }

  @Test
  void findsAMissingProbeAndAWritableRootFileSystem() {
    Map<String, Object> deployment =
        copy(Manifests.render("production").get("Deployment", "catalogue-service"));
    Map<String, Object> container =
        map(at(deployment, "spec", "template", "spec", "containers", 0));
    container.remove("startupProbe");
    map(container.get("securityContext")).put("readOnlyRootFilesystem", false);
    assertEquals(
        List.of("no startupProbe at /q/health/started", "the root file system is writable"),
        deploymentViolations(deployment, LernstadtService.named("catalogue-service")));
  }

  /** What every Lernstadt Deployment must have; the violations, empty if none. */
  static List<String> deploymentViolations(
      Map<String, Object> deployment, LernstadtService service) {
    List<String> violations = new ArrayList<>();
    Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
    List<Object> containers = list(pod.get("containers"));
    if (containers.size() != 1) {
      return List.of("expected one container");
    }
    Map<String, Object> container = map(containers.get(0));
    if (!String.valueOf(container.get("image")).contains("lernstadt/" + service.module() + ":")) {
      violations.add("image is not lernstadt/" + service.module());
    }
    if (!Integer.valueOf(service.port()).equals(at(container, "ports", 0, "containerPort"))
        || !"http".equals(at(container, "ports", 0, "name"))) {
      violations.add("port http is not " + service.port());
    }
    for (String[] probe :
        List.of(
            new String[] {"startupProbe", "/q/health/started"},
            new String[] {"readinessProbe", "/q/health/ready"},
            new String[] {"livenessProbe", "/q/health/live"})) {
      if (!probe[1].equals(at(container, probe[0], "httpGet", "path"))
          || !"http".equals(at(container, probe[0], "httpGet", "port"))) {
        violations.add("no " + probe[0] + " at " + probe[1]);
      }
    }
    for (String[] resource :
        List.of(
            new String[] {"requests", "cpu"},
            new String[] {"requests", "memory"},
            new String[] {"limits", "memory"})) {
      if (at(container, "resources", resource[0], resource[1]) == null) {
        violations.add("no " + resource[0] + "." + resource[1]);
      }
    }
    if (!Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot"))) {
      violations.add("may run as root");
    }
    if (!Boolean.TRUE.equals(at(container, "securityContext", "readOnlyRootFilesystem"))) {
      violations.add("the root file system is writable");
    }
    if (!Boolean.FALSE.equals(at(container, "securityContext", "allowPrivilegeEscalation"))) {
      violations.add("privilege escalation allowed");
    }
    if (!List.of("ALL").equals(at(container, "securityContext", "capabilities", "drop"))) {
      violations.add("capabilities not dropped");
    }
    boolean tmp =
        list(container.get("volumeMounts")).stream()
            .map(Repo::map)
            .anyMatch(m -> "/tmp".equals(m.get("mountPath")));
    if (!tmp) {
      violations.add("no writable /tmp");
    }
    return violations;
  }

  private static boolean secretHasKey(Manifests manifests, String name, String key) {
    if (manifests.has("Secret", name)) {
      return map(at(manifests.get("Secret", name), "stringData")).containsKey(key);
    }
    // CloudNativePG writes <cluster>-app with the application role's username and password
    return name.endsWith("-app")
        && manifests.has("Cluster", name.substring(0, name.length() - "-app".length()))
        && Set.of("username", "password").contains(key);
  }

  private static Map<String, Object> realmImport(Manifests manifests) {
    return manifests.ofKind("KeycloakRealmImport").get(0);
  }

  @SuppressWarnings("unchecked")
  private static <T> T copy(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put((String) k, copy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> l) {
      return (T) l.stream().map(KubernetesManifestsTest::copy).collect(Collectors.toList());
    }
    return value;
  }
}

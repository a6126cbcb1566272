package org.lernstadt.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.manifests.Manifests.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer merges as Kustomize does and refuses what it does not implement. */
class KustomizeTest {

  @TempDir Path dir;

  @Test
  void mergesContainersByNameButReplacesTheListsOfCustomResources() throws IOException {
    write("base/kustomization.yaml", "resources: [app.yaml]\n");
    write(
        "base/app.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app}
        spec:
          template:
            spec:
              containers:
                - {name: app, image: "app:1", env: [{name: A, value: "1"}]}
                - {name: sidecar, image: "sidecar:1"}
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata: {name: pool}
        spec:
          roles: [controller, broker]
        """);
    write(
        "overlay/kustomization.yaml",
        """
        namespace: city
        resources: [../base]
        patches:
          - path: patch.yaml
        images:
          - {name: app, newName: registry.example.org/app, newTag: "2"}
        """);
    write(
        "overlay/patch.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app}
        spec:
          template:
            spec:
              containers:
                - {name: app, env: [{name: B, value: "2"}]}
        ---
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaNodePool
        metadata: {name: pool}
        spec:
          roles: [broker]
        """);
    List<Map<String, Object>> resources = Kustomize.render(dir.resolve("overlay"));
    Object containers = at(resources.get(0), "spec", "template", "spec", "containers");
    assertEquals("registry.example.org/app:2", at(containers, 0, "image"));
    assertEquals(
        List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "2")),
        at(containers, 0, "env"));
    assertEquals("sidecar:1", at(containers, 1, "image"));
    assertEquals(List.of("broker"), at(resources.get(1), "spec", "roles"));
    assertEquals("city", at(resources.get(1), "metadata", "namespace"));
  }

  @Test
  void refusesFieldsItDoesNotImplementAndPatchesWithoutTarget() throws IOException {
    write("a/kustomization.yaml", "resources: []\nconfigMapGenerator: [{name: x}]\n");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir.resolve("a")))
            .getMessage()
            .contains("configMapGenerator"));

    write("b/kustomization.yaml", "resources: []\npatches: [{path: p.yaml}]\n");
    write("b/p.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: missing}\n");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir.resolve("b")))
            .getMessage()
            .contains("matches 0"));
  }

  private void write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

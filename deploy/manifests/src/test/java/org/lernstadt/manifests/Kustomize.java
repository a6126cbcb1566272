package org.lernstadt.manifests;

import static org.lernstadt.manifests.Repo.list;
import static org.lernstadt.manifests.Repo.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a Kustomize overlay the way {@code kubectl kustomize} does, for the features the
 * Lernstadt manifests use and nothing more: {@code resources} (files and folders with a
 * kustomization.yaml), {@code namespace}, {@code images} and {@code patches} given by {@code path}
 * (strategic merge patches, several per file, each applied to the resource of its kind and name).
 * Any other field of a kustomization.yaml is an error, so that a manifest never relies on a feature
 * that this renderer ignores.
 *
 * <p>Strategic merge as Kubernetes defines it: maps merge key by key; the lists that the API marks
 * with the merge key {@code name} (containers, env, volumes, volume mounts, ports) merge by name;
 * every other list, and every list of a custom resource (which has no merge keys), is replaced.
 */
final class Kustomize {

  private static final Set<String> FIELDS =
      Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");

  /** Lists of the built-in kinds merged by their elements' name (patchMergeKey "name"). */
  private static final Set<String> MERGED_BY_NAME =
      Set.of("containers", "initContainers", "env", "volumes", "volumeMounts");

  private static final Set<String> BUILT_IN_GROUPS =
      Set.of("v1", "apps/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1");

  private Kustomize() {}

  static List<Map<String, Object>> render(Path directory) {
    Path file = directory.resolve("kustomization.yaml");
    Map<String, Object> kustomization = Repo.yaml(file);
    for (String field : kustomization.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(file + ": field not supported here: " + field);
      }
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Object entry : list(kustomization.get("resources"))) {
      Path resource = directory.resolve((String) entry).normalize();
      if (Files.isDirectory(resource)) {
        resources.addAll(render(resource));
      } else if (Files.isRegularFile(resource)) {
        resources.addAll(Repo.yamlDocuments(resource));
      } else {
        throw new IllegalArgumentException(file + ": no such resource: " + entry);
      }
    }
    for (Object entry : list(kustomization.get("patches"))) {
      Map<String, Object> patchEntry = map(entry);
      if (!patchEntry.keySet().equals(Set.of("path"))) {
        throw new IllegalArgumentException(file + ": only `patches: - path:` is supported");
      }
      Path patchFile = directory.resolve((String) patchEntry.get("path"));
      for (Map<String, Object> patch : Repo.yamlDocuments(patchFile)) {
        Map<String, Object> target = find(resources, patch, patchFile);
        merge(target, patch, BUILT_IN_GROUPS.contains((String) target.get("apiVersion")));
      }
    }
    for (Object entry : list(kustomization.get("images"))) {
      setImage(resources, map(entry));
    }
    Object namespace = kustomization.get("namespace");
    if (namespace != null) {
      // every Lernstadt resource is namespaced
      for (Map<String, Object> resource : resources) {
        map(resource.get("metadata")).put("namespace", namespace);
      }
    }
    return resources;
  }

  private static Map<String, Object> find(
      List<Map<String, Object>> resources, Map<String, Object> patch, Path patchFile) {
    String kind = (String) patch.get("kind");
    String name = (String) map(patch.get("metadata")).get("name");
    List<Map<String, Object>> matches =
        resources.stream()
            .filter(r -> Objects.equals(r.get("kind"), kind))
            .filter(r -> Objects.equals(r.get("apiVersion"), patch.get("apiVersion")))
            .filter(r -> Objects.equals(map(r.get("metadata")).get("name"), name))
            .toList();
    if (matches.size() != 1) {
      throw new IllegalArgumentException(
          patchFile + ": the patch of " + kind + " " + name + " matches " + matches.size());
    }
    return matches.get(0);
  }

  @SuppressWarnings("unchecked")
  private static void merge(
      Map<String, Object> target, Map<String, Object> patch, boolean builtIn) {
    for (Map.Entry<String, Object> entry : patch.entrySet()) {
      Object current = target.get(entry.getKey());
      Object value = entry.getValue();
      if (current instanceof Map && value instanceof Map) {
        merge((Map<String, Object>) current, (Map<String, Object>) value, builtIn);
      } else if (builtIn
          && MERGED_BY_NAME.contains(entry.getKey())
          && current instanceof List
          && value instanceof List) {
        mergeByName((List<Object>) current, (List<Object>) value);
      } else {
        target.put(entry.getKey(), value);
      }
    }
  }

  private static void mergeByName(List<Object> current, List<Object> patch) {
    for (Object element : patch) {
      Object name = map(element).get("name");
      Map<String, Object> existing =
          current.stream()
              .map(Repo::map)
              .filter(e -> Objects.equals(e.get("name"), name))
              .findFirst()
              .orElse(null);
      if (existing == null) {
        current.add(element);
      } else {
        merge(existing, map(element), true);
      }
    }
  }

  /** images: every container image named {@code name} (with any tag) gets newName and newTag. */
  private static void setImage(List<Map<String, Object>> resources, Map<String, Object> image) {
    String name = (String) image.get("name");
    for (Map<String, Object> resource : resources) {
      if (!"Deployment".equals(resource.get("kind"))) {
        continue;
      }
      Map<String, Object> podSpec = map(map(map(resource.get("spec")).get("template")).get("spec"));
      for (Object container : list(podSpec.get("containers"))) {
        Map<String, Object> c = map(container);
        String current = (String) c.get("image");
        int colon = current.lastIndexOf(':');
        String currentName = colon < 0 ? current : current.substring(0, colon);
        String currentTag = colon < 0 ? null : current.substring(colon + 1);
        if (currentName.equals(name)) {
          String newName = (String) image.getOrDefault("newName", currentName);
          Object newTag = image.getOrDefault("newTag", currentTag);
          c.put("image", newTag == null ? newName : newName + ":" + newTag);
        }
      }
    }
  }
}

package org.lernstadt.manifests;

import static org.lernstadt.manifests.Repo.list;
import static org.lernstadt.manifests.Repo.map;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A rendered overlay: its resources, looked up by kind and name. */
record Manifests(String overlay, List<Map<String, Object>> resources) {

  static Manifests render(String overlay) {
    return new Manifests(
        overlay, Kustomize.render(Repo.path("deploy/kubernetes/overlays/" + overlay)));
  }

  List<Map<String, Object>> ofKind(String kind) {
    return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
  }

  Map<String, Object> get(String kind, String name) {
    return ofKind(kind).stream()
        .filter(r -> name.equals(name(r)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
  }

  boolean has(String kind, String name) {
    return ofKind(kind).stream().anyMatch(r -> name.equals(name(r)));
  }

  static String name(Map<String, Object> resource) {
    return (String) map(resource.get("metadata")).get("name");
  }

  /** The value at a path of keys (maps) and indexes (lists), or null. */
  static Object at(Object value, Object... path) {
    Object current = value;
    for (Object step : path) {
      if (current == null) {
        return null;
      }
      current = step instanceof Integer i ? list(current).get(i) : map(current).get(step);
    }
    return current;
  }

  /** Whether a label selector (matchLabels, matchExpressions with In) selects these labels. */
  static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
    for (Map.Entry<String, Object> label : map(selector.get("matchLabels")).entrySet()) {
      if (!Objects.equals(labels.get(label.getKey()), label.getValue())) {
        return false;
      }
    }
    for (Object expression : list(selector.get("matchExpressions"))) {
      Map<String, Object> e = map(expression);
      if (!"In".equals(e.get("operator"))
          || !list(e.get("values")).contains(labels.get((String) e.get("key")))) {
        return false;
      }
    }
    return true;
  }
}

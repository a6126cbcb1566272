package org.lernstadt.manifests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics and labels a PromQL expression refers to, and whether the services expose them
 * (deploy/observability/exposed-metrics.txt). Not a PromQL parser: it reads selectors, matchers and
 * grouping clauses, which is all that names metrics and labels.
 */
final class PromQl {

  /** Labels the scrape adds (kubernetes-pods job with the pod labels mapped), not the service. */
  static final Set<String> SCRAPE_LABELS =
      Set.of("namespace", "pod", "job", "instance", "app_kubernetes_io_name");

  private static final Pattern SELECTOR =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*\\{([^}]*)}");
  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

  /** Sample name → its label names, over all services. */
  private final Map<String, Set<String>> exposed = new HashMap<>();

  PromQl() {
    String snapshot = Repo.read(Repo.path("deploy/observability/exposed-metrics.txt"));
    for (String line : snapshot.lines().toList()) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] fields = line.split(" ");
      Set<String> labels =
          "-".equals(fields[fields.length - 1])
              ? Set.of()
              : Set.of(fields[fields.length - 1].split(","));
      for (int i = 1; i < fields.length - 1; i++) {
        exposed.computeIfAbsent(fields[i], k -> new TreeSet<>()).addAll(labels);
      }
    }
  }

  /** What is wrong with an expression: unknown metrics and labels; empty if nothing. */
  List<String> violations(String expression) {
    List<String> violations = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    Matcher selector = SELECTOR.matcher(expression);
    while (selector.find()) {
      String metric = selector.group(1);
      Matcher matcher = MATCHER.matcher(selector.group(2).replaceAll("\"[^\"]*\"", "\"\""));
      while (matcher.find()) {
        if (metric != null && !labelsOf(metric).contains(matcher.group(1))) {
          violations.add(metric + " has no label " + matcher.group(1));
        }
      }
      selector.appendReplacement(rest, metric == null ? "" : metric);
    }
    selector.appendTail(rest);
    String remaining = RANGE.matcher(rest).replaceAll("");
    Set<String> metrics = metricNames(remaining);
    for (String label : groupingLabels(remaining)) {
      if (metrics.stream().noneMatch(m -> labelsOf(m).contains(label))) {
        violations.add("no metric of the expression has the label " + label);
      }
    }
    for (String metric : metrics) {
      if (!exposed.containsKey(metric)) {
        violations.add("not exposed by any service: " + metric);
      }
    }
    return violations;
  }

  /** The labels an expression groups by (so the only ones its result has, when it aggregates). */
  static Set<String> groupingLabels(String expression) {
    Set<String> labels = new TreeSet<>();
    Matcher grouping = GROUPING.matcher(expression);
    while (grouping.find()) {
      for (String label : grouping.group(1).split(",")) {
        if (!label.isBlank()) {
          labels.add(label.trim());
        }
      }
    }
    return labels;
  }

  private static Set<String> metricNames(String withoutSelectors) {
    String rest = GROUPING.matcher(withoutSelectors).replaceAll("");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(rest);
    while (identifier.find()) {
      String after = rest.substring(identifier.end()).stripLeading();
      boolean function = after.startsWith("(");
      boolean number =
          identifier.start() > 0 && Character.isDigit(rest.charAt(identifier.start() - 1));
      if (!function && !number && !KEYWORDS.contains(identifier.group())) {
        names.add(identifier.group());
      }
    }
    return names;
  }

  private Set<String> labelsOf(String metric) {
    Set<String> labels = new TreeSet<>(SCRAPE_LABELS);
    labels.addAll(exposed.getOrDefault(metric, Set.of()));
    return labels;
  }
}

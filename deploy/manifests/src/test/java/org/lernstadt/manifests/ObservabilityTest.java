package org.lernstadt.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.manifests.Repo.list;
import static org.lernstadt.manifests.Repo.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard: well formed (promtool is not available here), and built on
 * metrics and labels the services really expose (deploy/observability/exposed-metrics.txt).
 */
class ObservabilityTest {

  private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\$labels\\.([a-zA-Z_]+)");
  private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*([a-zA-Z_]+)\\s*}}");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((.*),\\s*([a-zA-Z_]+)\\)");
  private static final Pattern DURATION = Pattern.compile("\\d+[smhd]");

  private final PromQl promQl = new PromQl();

  @Test
  void alertRulesAreWellFormedAndUseExposedMetrics() {
    Map<String, Object> file = Repo.yaml(Repo.path("deploy/observability/prometheus-rules.yml"));
    List<String> violations = new ArrayList<>();
    Set<String> groups = new HashSet<>();
    Set<String> alerts = new HashSet<>();
    assertFalse(list(file.get("groups")).isEmpty());
    for (Object group : list(file.get("groups"))) {
      assertTrue(groups.add((String) map(group).get("name")), "group twice: " + group);
      for (Object entry : list(map(group).get("rules"))) {
        Map<String, Object> rule = map(entry);
        String alert = (String) rule.get("alert");
        String expr = String.valueOf(rule.get("expr")).strip();
        if (alert == null || !alerts.add(alert)) {
          violations.add("alert without a name, or twice: " + alert);
        }
        if (expr.isEmpty() || "null".equals(expr)) {
          violations.add(alert + ": no expression");
        }
        if (rule.containsKey("for")
            && !DURATION.matcher(String.valueOf(rule.get("for"))).matches()) {
          violations.add(alert + ": for is not a duration: " + rule.get("for"));
        }
        if (!Set.of("warning", "critical").contains(map(rule.get("labels")).get("severity"))) {
          violations.add(alert + ": severity is neither warning nor critical");
        }
        Map<String, Object> annotations = map(rule.get("annotations"));
        if (String.valueOf(annotations.get("summary")).isBlank()) {
          violations.add(alert + ": no summary");
        }
        promQl.violations(expr).forEach(v -> violations.add(alert + ": " + v));
        // an aggregated result keeps only the labels it is grouped by
        Matcher label = TEMPLATE_LABEL.matcher(annotations.values().toString());
        while (label.find()) {
          if (!PromQl.groupingLabels(expr).contains(label.group(1))) {
            violations.add(
                alert + ": the annotations name a label the result lacks: " + label.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), violations);
    assertTrue(
        alerts.containsAll(
            Set.of(
                "LernstadtOutboxEventWaiting",
                "LernstadtOutboxBacklog",
                "LernstadtConsumerLag",
                "LernstadtDeadLetters",
                "LernstadtServerErrors",
                "LernstadtAuthenticationFailures")),
        "an alert on a signal that matters is missing: " + alerts);
  }

  @Test
  void dashboardIsWellFormedAndUsesExposedMetrics() throws IOException {
    JsonNode dashboard =
        new ObjectMapper()
            .readTree(Repo.path("deploy/observability/grafana-dashboard.json").toFile());
    List<String> violations = new ArrayList<>();
    assertFalse(dashboard.path("uid").asText().isBlank());
    assertFalse(dashboard.path("title").asText().isBlank());
    Set<String> variables = new TreeSet<>();
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      variables.add(variable.path("name").asText());
      Matcher values = LABEL_VALUES.matcher(variable.path("definition").asText());
      if (values.matches()) {
        promQl.violations(values.group(1)).forEach(v -> violations.add("variable: " + v));
      }
    }
    Set<Integer> ids = new HashSet<>();
    int targets = 0;
    for (JsonNode panel : dashboard.path("panels")) {
      String title = panel.path("title").asText();
      if (!ids.add(panel.path("id").asInt())) {
        violations.add(title + ": id twice");
      }
      JsonNode grid = panel.path("gridPos");
      if (grid.path("x").asInt() + grid.path("w").asInt() > 24) {
        violations.add(title + ": wider than the dashboard");
      }
      if ("row".equals(panel.path("type").asText())) {
        continue;
      }
      if (!"${datasource}".equals(panel.path("datasource").path("uid").asText())
          || !variables.contains("datasource")) {
        violations.add(title + ": not on the datasource variable");
      }
      Set<String> refIds = new HashSet<>();
      for (JsonNode target : panel.path("targets")) {
        targets++;
        String expr = target.path("expr").asText();
        if (expr.isBlank() || !refIds.add(target.path("refId").asText())) {
          violations.add(title + ": a target without expression or with a refId twice");
        }
        promQl.violations(expr).forEach(v -> violations.add(title + ": " + v));
        Matcher legend = LEGEND_LABEL.matcher(target.path("legendFormat").asText());
        while (legend.find()) {
          if (!PromQl.groupingLabels(expr).contains(legend.group(1))) {
            violations.add(
                title + ": the legend names a label the result lacks: " + legend.group(1));
          }
        }
        Matcher variable = Pattern.compile("\\$([a-z]+)").matcher(expr);
        while (variable.find()) {
          if (!variables.contains(variable.group(1))) {
            violations.add(title + ": no variable " + variable.group(1));
          }
        }
      }
      if (refIds.isEmpty()) {
        violations.add(title + ": no query");
      }
    }
    assertEquals(List.of(), violations);
    assertTrue(targets >= 10);
  }

  /**
   * The project's own metrics in the captured list still exist in the code (a Micrometer name such
   * as lernstadt.outbox.relay.errors is exposed as lernstadt_outbox_relay_errors_total), so that
   * renaming one fails here even though the list was captured earlier.
   */
  @Test
  void theProjectsOwnMetricsInTheListAreStillRegistered() {
    Set<String> registered = new TreeSet<>();
    Matcher builder =
        Pattern.compile("(?:Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\\s*\"([a-z.]+)\"")
            .matcher(
                Repo.read(
                    Repo.path(
                        "platform/events/src/main/java/org/lernstadt/platform/events/OutboxRelay.java")));
    while (builder.find()) {
      registered.add(builder.group(1));
    }
    Set<String> listed = new TreeSet<>();
    for (String line :
        Repo.read(Repo.path("deploy/observability/exposed-metrics.txt")).lines().toList()) {
      String[] fields = line.split(" ");
      for (int i = 1; i < fields.length - 1; i++) {
        if (fields[i].startsWith("lernstadt_")) {
          listed.add(fields[i].replaceAll("_(total|seconds)$", "").replace('_', '.'));
        }
      }
    }
    assertFalse(listed.isEmpty());
    assertEquals(registered, listed);
  }

  /** The check can fail: a misspelt metric, a label the metric lacks, an unknown label. */
  @Test
  void findsMetricsAndLabelsTheServicesDoNotExpose() {
    assertEquals(
        List.of("not exposed by any service: lernstadt_outbox_backlogg"),
        promQl.violations("max by (namespace) (lernstadt_outbox_backlogg) > 1"));
    assertEquals(
        List.of("http_server_requests_seconds_count has no label code"),
        promQl.violations("rate(http_server_requests_seconds_count{code=~\"5..\"}[5m])"));
    assertEquals(
        List.of("no metric of the expression has the label topic"),
        promQl.violations("sum by (topic) (lernstadt_outbox_backlog)"));
    assertEquals(
        List.of(),
        promQl.violations(
            "sum by (app_kubernetes_io_name) (rate(http_server_requests_seconds_count{status=\"401\"}[5m])) > 1"));
  }
}

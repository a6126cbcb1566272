package org.lernstadt.platform.testing.attack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values for the path parameters of an API's templates, from the fixtures a service test created. A
 * value may be given for a parameter name everywhere ({@code id}) or for the templates under a
 * prefix ({@code /v1/cases/{id}} also covers {@code /v1/cases/{id}/sessions}); the longest matching
 * prefix wins.
 */
public final class PathParams {

  private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)}");

  private final Map<String, String> byName = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> byPrefix = new LinkedHashMap<>();

  /** The value of {@code {name}} in every template without a more specific value. */
  public PathParams put(String name, String value) {
    byName.put(name, value);
    return this;
  }

  /** The value of {@code {name}} in the templates starting with {@code prefix}. */
  public PathParams put(String prefix, String name, String value) {
    byPrefix.computeIfAbsent(prefix, p -> new LinkedHashMap<>()).put(name, value);
    return this;
  }

  /** The template with every parameter filled; fails naming a parameter without a value. */
  public String fill(String template) {
    Matcher m = PARAM.matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(value(template, m.group(1))));
    }
    m.appendTail(path);
    return path.toString();
  }

  private String value(String template, String name) {
    String best = null;
    String value = null;
    for (var prefix : byPrefix.entrySet()) {
      String v = prefix.getValue().get(name);
      if (v != null
          && template.startsWith(prefix.getKey())
          && (best == null || prefix.getKey().length() > best.length())) {
        best = prefix.getKey();
        value = v;
      }
    }
    if (value == null) {
      value = byName.get(name);
    }
    if (value == null) {
      throw new AssertionError("No fixture value for {" + name + "} in " + template);
    }
    return value;
  }
}

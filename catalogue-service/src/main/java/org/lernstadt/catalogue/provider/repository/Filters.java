package org.lernstadt.catalogue.provider.repository;

import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The condition and parameters of a Panache query with optional filters: a filter is added only for
 * a value that is present.
 */
final class Filters {

  private final List<String> conditions = new ArrayList<>();
  private final Parameters params = new Parameters();

  /** {@code condition} (using {@code :name}) if {@code value} is present. */
  Filters when(Object value, String name, String condition) {
    if (value != null) {
      conditions.add(condition);
      params.and(name, value);
    }
    return this;
  }

  Filters equal(String field, String name, Object value) {
    return when(value, name, field + " = :" + name);
  }

  /**
   * Substring match of {@code field} on {@code pattern} (a {@code LIKE} pattern escaped with
   * backslashes), case-, accent- and ß-insensitive through the migration's {@code search_fold}, on
   * which the trigram indexes are built.
   */
  Filters like(String field, String pattern) {
    return when(
        pattern,
        "q",
        "function('search_fold' as String, "
            + field
            + ") like function('search_fold' as String, :q) escape '\\'");
  }

  /** Keyset position after (name, id) for lists ordered by name, id. */
  Filters afterName(String afterName, UUID afterId) {
    if (afterId != null) {
      conditions.add("(name > :afterName or (name = :afterName and id > :afterId))");
      params.and("afterName", afterName).and("afterId", afterId);
    }
    return this;
  }

  Filters always(String condition) {
    conditions.add(condition);
    return this;
  }

  String orderedBy(String order) {
    return (conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions))
        + " order by "
        + order;
  }

  Parameters params() {
    return params;
  }
}

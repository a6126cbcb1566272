package org.lernstadt.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the cursor of the next page, {@code null} on the last page. */
public record Page<T>(List<T> items, String next) {

  /**
   * Builds the page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if
   * present, only tells that a next page exists.
   */
  public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> cursorOf) {
    if (fetched.size() <= request.limit()) {
      return new Page<>(List.copyOf(fetched), null);
    }
    List<T> items = List.copyOf(fetched.subList(0, request.limit()));
    return new Page<>(items, cursorOf.apply(items.getLast()).encode());
  }
}

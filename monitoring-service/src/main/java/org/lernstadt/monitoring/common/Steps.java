package org.lernstadt.monitoring.common;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs reactive steps one after the other (a session allows one operation at a time), as a stream
 * rather than a nested chain, so thousands of steps do not nest thousands of calls deep.
 */
public final class Steps {

  private Steps() {}

  public static <T> Uni<Void> each(Iterable<T> items, Function<T, Uni<?>> step) {
    return Multi.createFrom()
        .iterable(items)
        .onItem()
        .transformToUniAndConcatenate(item -> step.apply(item).replaceWith(Boolean.TRUE))
        .collect()
        .last()
        .replaceWithVoid();
  }

  public static <T, R> Uni<List<R>> map(List<T> items, Function<T, Uni<R>> step) {
    List<R> results = new ArrayList<>(items.size());
    return each(items, item -> step.apply(item).invoke(results::add)).replaceWith(results);
  }
}

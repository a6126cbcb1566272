package org.lernstadt.participation.common;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small helpers to map result rows. */
public final class Rows {

  private Rows() {}

  public static <T> Function<RowSet<Row>, Optional<T>> first(Function<Row, T> map) {
    return rows ->
        rows.size() == 0 ? Optional.empty() : Optional.of(map.apply(rows.iterator().next()));
  }

  public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
    List<T> list = new ArrayList<>(rows.size());
    for (Row row : rows) {
      list.add(map.apply(row));
    }
    return list;
  }

  /** A nullable double column. */
  public static Double doubleOrNull(Row row, String column) {
    return row.getValue(column) == null ? null : row.getDouble(column);
  }
}

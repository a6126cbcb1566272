package org.lernstadt.counseling.common;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.pgclient.PgException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small helpers for the Vert.x SQL client results and PostgreSQL errors. */
public final class Sql {

  public static final String EXCLUSION_VIOLATION = "23P01";

  private Sql() {}

  public static <T> Function<RowSet<Row>, Optional<T>> first(Function<Row, T> map) {
    return rows ->
        rows.size() == 0 ? Optional.empty() : Optional.of(map.apply(rows.iterator().next()));
  }

  public static <T> Function<RowSet<Row>, List<T>> all(Function<Row, T> map) {
    return rows -> {
      List<T> list = new ArrayList<>(rows.size());
      for (Row row : rows) {
        list.add(map.apply(row));
      }
      return list;
    };
  }

  public static boolean isViolation(Throwable e, String sqlState) {
    return e instanceof PgException pg && sqlState.equals(pg.getSqlState());
  }

  /** A bytea parameter. */
  public static io.vertx.core.buffer.Buffer bytes(byte[] value) {
    return value == null ? null : io.vertx.core.buffer.Buffer.buffer(value);
  }

  /** A bytea column, or null. */
  public static byte[] bytes(Row row, String column) {
    io.vertx.core.buffer.Buffer value = row.getDelegate().getBuffer(column);
    return value == null ? null : value.getBytes();
  }

  public static List<String> strings(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? List.of() : List.of(values);
  }
}

package org.lernstadt.monitoring.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native SQL on the current Hibernate Reactive session, so that writes join the caller's
 * transaction (the inbox and the outbox live there too). Parameters that may be null are cast in
 * the SQL ({@code cast(:x as text)}) so PostgreSQL knows their type.
 */
@ApplicationScoped
public class Sql {

  /** Named parameters, which (unlike {@code Map.of}) may be null. */
  public static Map<String, Object> args(Object... namesAndValues) {
    Map<String, Object> args = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      args.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return args;
  }

  /** Every row as an array of columns, also for a single-column query. */
  public Uni<List<Object[]>> rows(String sql, Map<String, ?> parameters) {
    return Panache.getSession()
        .chain(s -> bind(s.<Object>createNativeQuery(sql), parameters).getResultList())
        .map(rows -> rows.stream().map(Sql::columns).toList());
  }

  public Uni<Integer> update(String sql, Map<String, ?> parameters) {
    return Panache.getSession()
        .chain(s -> bind(s.<Object>createNativeQuery(sql), parameters).executeUpdate());
  }

  private static Mutiny.Query<Object> bind(Mutiny.Query<Object> query, Map<String, ?> parameters) {
    parameters.forEach((name, value) -> query.setParameter(name, value));
    return query;
  }

  private static Object[] columns(Object row) {
    return row instanceof Object[] columns ? columns : new Object[] {row};
  }

  public static BigDecimal decimal(Object column) {
    return switch (column) {
      case null -> null;
      case BigDecimal d -> d;
      case Number n -> new BigDecimal(n.toString());
      default -> new BigDecimal(column.toString());
    };
  }

  public static Integer integer(Object column) {
    return column == null ? null : ((Number) column).intValue();
  }

  public static long count(Object column) {
    return column == null ? 0 : ((Number) column).longValue();
  }

  public static LocalDate date(Object column) {
    return switch (column) {
      case null -> null;
      case LocalDate d -> d;
      case java.sql.Date d -> d.toLocalDate();
      default -> LocalDate.parse(column.toString());
    };
  }

  public static String text(Object column) {
    return column == null ? null : column.toString();
  }
}

package org.lernstadt.monitoring.live.repository;

import static org.lernstadt.monitoring.common.Sql.args;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.lernstadt.monitoring.common.Sql;

/**
 * Marks of what the live consumer touched and the recompute has not yet done. A mark is written
 * with an update on conflict, so it is row-locked until the event's transaction commits: taking
 * marks skips it until then, so a taken mark's facts are always visible to the recompute.
 */
@ApplicationScoped
public class DirtyRepository {

  /** A computation for a district ({@code ""}: unknown, the city only) and year. */
  public record Mark(String computation, String district, int year) {}

  @Inject Sql sql;

  public Uni<Void> mark(List<Mark> marks) {
    if (marks.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return sql.update(
            "insert into dirty_cell (computation, district, year) select * from"
                + " unnest(cast(cast(:computations as text) as text[]),"
                + " cast(cast(:districts as text) as text[]), cast(cast(:years as text) as int[]))"
                + " on conflict (computation, district, year) do update"
                + " set marked_at = clock_timestamp()",
            args(
                "computations", array(marks.stream().map(Mark::computation).toList()),
                "districts", array(marks.stream().map(Mark::district).toList()),
                "years", array(marks.stream().map(m -> Integer.toString(m.year())).toList())))
        .replaceWithVoid();
  }

  /** Takes (locks and deletes) up to {@code limit} marks that no running transaction holds. */
  public Uni<List<Mark>> take(int limit) {
    return sql.rows(
            "select computation, district, year from dirty_cell order by marked_at"
                + " limit :limit for update skip locked",
            args("limit", limit))
        .map(
            rows ->
                rows.stream()
                    .map(r -> new Mark((String) r[0], (String) r[1], Sql.integer(r[2])))
                    .toList())
        .call(
            marks ->
                marks.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : sql.update(
                        "delete from dirty_cell where (computation, district, year) in (select *"
                            + " from unnest(cast(cast(:computations as text) as text[]),"
                            + " cast(cast(:districts as text) as text[]),"
                            + " cast(cast(:years as text) as int[])))",
                        args(
                            "computations", array(marks.stream().map(Mark::computation).toList()),
                            "districts", array(marks.stream().map(Mark::district).toList()),
                            "years",
                                array(
                                    marks.stream()
                                        .map(m -> Integer.toString(m.year()))
                                        .toList()))));
  }

  public Uni<Void> clear() {
    return sql.update("delete from dirty_cell", args()).replaceWithVoid();
  }

  /** A text array literal of codes (district codes are checked to be codes by the consumer). */
  private static String array(List<String> items) {
    return "{" + String.join(",", items.stream().map(i -> "\"" + i + "\"").toList()) + "}";
  }
}

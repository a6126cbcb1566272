package org.lernstadt.participation.results.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.lernstadt.participation.common.Rows;
import org.lernstadt.participation.results.mapping.Summary;

/** Counts of what a dialogue gathered, over public items only. */
@ApplicationScoped
public class ResultsRepository {

  /** Comment and rating counts come from the aggregates kept on each public contribution. */
  private static final String TOTALS =
      "select count(*)::int as contributions, coalesce(sum(c.comment_count), 0)::int as comments,"
          + " coalesce(sum(c.rating_count), 0)::int as ratings,"
          + " (select count(distinct p.who)::int from ("
          + "   select v.author as who from contribution v"
          + "   where v.dialogue_id = $1 and v.status = 'VISIBLE'"
          + "   union all select m.author from comment m join contribution v on v.id = m.contribution_id"
          + "   where v.dialogue_id = $1 and v.status = 'VISIBLE' and m.status = 'VISIBLE'"
          + "   union all select r.citizen from rating r join contribution v on v.id = r.contribution_id"
          + "   where v.dialogue_id = $1 and v.status = 'VISIBLE'"
          + " ) p where p.who is not null) as participants"
          + " from contribution c where c.dialogue_id = $1 and c.status = 'VISIBLE'";

  private static final String PER_CATEGORY =
      "select category, count(*)::int as contributions, sum(comment_count)::int as comments,"
          + " sum(rating_count)::int as ratings from contribution"
          + " where dialogue_id = $1 and status = 'VISIBLE' group by category order by category";

  private static final String PER_DISTRICT =
      "select district, count(*)::int as contributions,"
          + " count(distinct author)::int as participants from contribution"
          + " where dialogue_id = $1 and status = 'VISIBLE' group by district"
          + " order by district nulls last";

  public Uni<Summary> summary(SqlClient sql, UUID dialogueId) {
    Tuple id = Tuple.of(dialogueId);
    return sql.preparedQuery(TOTALS)
        .execute(id)
        .map(rows -> totals(rows.iterator().next()))
        .chain(
            totals ->
                sql.preparedQuery(PER_CATEGORY)
                    .execute(id)
                    .map(
                        rows ->
                            Rows.all(
                                rows,
                                r ->
                                    new Summary.CategoryCount(
                                        r.getString("category"),
                                        r.getInteger("contributions"),
                                        r.getInteger("comments"),
                                        r.getInteger("ratings"))))
                    .chain(
                        perCategory ->
                            sql.preparedQuery(PER_DISTRICT)
                                .execute(id)
                                .map(
                                    rows ->
                                        new Summary(
                                            totals,
                                            perCategory,
                                            Rows.all(
                                                rows,
                                                r ->
                                                    new Summary.DistrictCount(
                                                        r.getString("district"),
                                                        r.getInteger("contributions"),
                                                        r.getInteger("participants")))))));
  }

  private static Summary.Totals totals(Row row) {
    return new Summary.Totals(
        row.getInteger("contributions"),
        row.getInteger("comments"),
        row.getInteger("ratings"),
        row.getInteger("participants"));
  }
}

package org.lernstadt.participation.results.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.common.Rows;
import org.lernstadt.participation.results.mapping.AnswerView;
import org.lernstadt.participation.results.mapping.PublicComment;
import org.lernstadt.participation.results.mapping.PublicContribution;
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

  private static final String ANSWER_COLUMNS =
      "a.id, a.dialogue_id, a.category, a.contribution_id, a.status, a.progress, a.body,"
          + " a.updated_at";

  /** Answers to categories, and to contributions that are public. */
  private static final String ANSWERS =
      "select "
          + ANSWER_COLUMNS
          + " from answer a left join contribution c on c.id = a.contribution_id"
          + " where a.dialogue_id = $1 and (a.contribution_id is null or c.status = 'VISIBLE')"
          + " order by a.category nulls last, a.updated_at";

  private static final String UPSERT_CATEGORY_ANSWER =
      "insert into answer (id, dialogue_id, category, status, progress, body, answered_by)"
          + " values ($1, $2, $3, $4, $5, $6, $7)"
          + " on conflict (dialogue_id, category) where category is not null do update"
          + " set status = excluded.status, progress = excluded.progress, body = excluded.body,"
          + " answered_by = excluded.answered_by, updated_at = now()"
          + " returning id";

  private static final String UPSERT_CONTRIBUTION_ANSWER =
      "insert into answer (id, dialogue_id, contribution_id, status, progress, body, answered_by)"
          + " values ($1, $2, $3, $4, $5, $6, $7)"
          + " on conflict (contribution_id) where contribution_id is not null do update"
          + " set status = excluded.status, progress = excluded.progress, body = excluded.body,"
          + " answered_by = excluded.answered_by, updated_at = now()"
          + " returning id";

  private static final String PUBLIC_CONTRIBUTIONS =
      "select id, dialogue_id, category, district, lat, lon, place_ref, body, rating_count, score,"
          + " comment_count, created_at from contribution"
          + " where dialogue_id = $1 and status = 'VISIBLE' and ($2 = false or lat is not null)"
          + " order by seq";

  private static final String PUBLIC_COMMENTS =
      "select m.id, m.contribution_id, m.parent_id, m.depth, m.stance, m.body, m.created_at"
          + " from comment m join contribution c on c.id = m.contribution_id"
          + " where c.dialogue_id = $1 and c.status = 'VISIBLE' and m.status = 'VISIBLE'"
          + " order by m.seq";

  public Uni<List<AnswerView>> answers(SqlClient sql, UUID dialogueId) {
    return sql.preparedQuery(ANSWERS)
        .execute(Tuple.of(dialogueId))
        .map(rows -> Rows.all(rows, ResultsRepository::toAnswer));
  }

  public Uni<AnswerView> answer(SqlClient sql, UUID id) {
    return sql.preparedQuery("select " + ANSWER_COLUMNS + " from answer a where a.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toAnswer(rows.iterator().next()));
  }

  /**
   * Creates or replaces the answer to a category ({@code contributionId} null) or to a
   * contribution; returns its id.
   */
  public Uni<UUID> upsertAnswer(
      SqlClient sql,
      UUID dialogueId,
      String category,
      UUID contributionId,
      String status,
      int progress,
      String text,
      String answeredBy) {
    return sql.preparedQuery(
            contributionId == null ? UPSERT_CATEGORY_ANSWER : UPSERT_CONTRIBUTION_ANSWER)
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    UUID.randomUUID(),
                    dialogueId,
                    contributionId == null ? category : contributionId,
                    status,
                    progress,
                    text,
                    answeredBy)))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  /** The dialogue's public contributions in writing order; only those on the map if asked. */
  public Uni<List<PublicContribution>> publicContributions(
      SqlClient sql, UUID dialogueId, boolean locatedOnly) {
    return sql.preparedQuery(PUBLIC_CONTRIBUTIONS)
        .execute(Tuple.of(dialogueId, locatedOnly))
        .map(
            rows ->
                Rows.all(
                    rows,
                    r ->
                        new PublicContribution(
                            r.getUUID("id"),
                            r.getUUID("dialogue_id"),
                            r.getString("category"),
                            r.getString("district"),
                            Rows.doubleOrNull(r, "lat"),
                            Rows.doubleOrNull(r, "lon"),
                            r.getString("place_ref"),
                            r.getString("body"),
                            r.getInteger("rating_count"),
                            r.getDouble("score"),
                            r.getInteger("comment_count"),
                            r.getOffsetDateTime("created_at"))));
  }

  /** The public comments on the dialogue's public contributions, in writing order. */
  public Uni<List<PublicComment>> publicComments(SqlClient sql, UUID dialogueId) {
    return sql.preparedQuery(PUBLIC_COMMENTS)
        .execute(Tuple.of(dialogueId))
        .map(
            rows ->
                Rows.all(
                    rows,
                    r ->
                        new PublicComment(
                            r.getUUID("id"),
                            r.getUUID("contribution_id"),
                            r.getUUID("parent_id"),
                            r.getInteger("depth"),
                            r.getString("stance"),
                            r.getString("body"),
                            r.getOffsetDateTime("created_at"))));
  }

  private static AnswerView toAnswer(Row r) {
    return new AnswerView(
        r.getUUID("id"),
        r.getUUID("dialogue_id"),
        r.getString("category"),
        r.getUUID("contribution_id"),
        r.getString("status"),
        r.getInteger("progress"),
        r.getString("body"),
        r.getOffsetDateTime("updated_at"));
  }

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

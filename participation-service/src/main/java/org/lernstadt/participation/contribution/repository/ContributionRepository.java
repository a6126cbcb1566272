package org.lernstadt.participation.contribution.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.participation.common.Rows;
import org.lernstadt.participation.contribution.domain.ItemStatus;
import org.lernstadt.participation.contribution.domain.StoredContribution;
import org.lernstadt.participation.contribution.mapping.ContributionView;

/** SQL of contributions and their ratings. */
@ApplicationScoped
public class ContributionRepository {

  /** How a list is ordered; each with its keyset columns, newest first on ties. */
  public enum Sort {
    TOP("score"),
    NEW(null),
    DISCUSSED("comment_count");

    final String key;

    Sort(String key) {
      this.key = key;
    }
  }

  /** A list filter; {@code null} fields do not filter. */
  public record Filter(String category, String district, double[] bbox) {}

  /** A contribution of a list with its keyset position. */
  public record Listed(ContributionView view, double score, long seq) {}

  public static final String VIEW_COLUMNS =
      "c.id, c.dialogue_id, c.body, c.category, c.district, c.lat, c.lon, c.place_ref,"
          + " c.display_name, c.status, c.status_reason, c.rating_count, c.score,"
          + " c.comment_count, c.created_at, c.seq";

  private static final String STORED_COLUMNS =
      "id, dialogue_id, author, status, category, district, rating_count, rating_sum";

  private static final String INSERT =
      "insert into contribution (id, dialogue_id, author, participant, display_name, body,"
          + " category, district, lat, lon, place_ref, status)"
          + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

  private static final String VIEW = "select " + VIEW_COLUMNS + " from contribution c";

  private static final String STORED =
      "select " + STORED_COLUMNS + " from contribution where id = $1";

  private static final String MINE = VIEW + " where c.author = $1 order by c.seq desc limit 200";

  private static final String SIMILAR =
      VIEW
          + " where c.dialogue_id = $1 and c.status = 'VISIBLE' and c.body % $2"
          + " order by similarity(c.body, $2) desc, c.seq desc limit $3";

  /** The author erases their contribution: only a tombstone stays for counts and the audit. */
  private static final String DELETE_OWN =
      "update contribution set status = 'DELETED', status_reason = null, author = null,"
          + " participant = null, display_name = null, body = '', lat = null, lon = null,"
          + " place_ref = null, updated_at = now()"
          + " where id = $1 and author = $2 and status <> 'DELETED'";

  private static final String OLD_RATING =
      "select value from rating where contribution_id = $1 and citizen = $2";

  private static final String UPSERT_RATING =
      "insert into rating (contribution_id, citizen, value) values ($1, $2, $3)"
          + " on conflict (contribution_id, citizen)"
          + " do update set value = excluded.value, updated_at = now()";

  private static final String SET_RATINGS =
      "update contribution set rating_count = $2, rating_sum = $3, score = $4, updated_at = now()"
          + " where id = $1";

  private static final String ADD_COMMENTS =
      "update contribution set comment_count = comment_count + $2 where id = $1";

  @Inject Pool pool;

  public Pool pool() {
    return pool;
  }

  public Uni<Void> insert(
      SqlClient sql,
      UUID id,
      UUID dialogueId,
      String author,
      String participant,
      String displayName,
      String body,
      String category,
      String district,
      ContributionView.Location location,
      String placeRef,
      ItemStatus status) {
    return sql.preparedQuery(INSERT)
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id,
                    dialogueId,
                    author,
                    participant,
                    displayName,
                    body,
                    category,
                    district,
                    location == null ? null : location.lat(),
                    location == null ? null : location.lon(),
                    placeRef,
                    status.name())))
        .replaceWithVoid();
  }

  public Uni<Optional<ContributionView>> view(SqlClient sql, UUID id) {
    return sql.preparedQuery(VIEW + " where c.id = $1")
        .execute(Tuple.of(id))
        .map(Rows.first(ContributionRepository::toView));
  }

  public Uni<Optional<StoredContribution>> stored(SqlClient sql, UUID id) {
    return sql.preparedQuery(STORED)
        .execute(Tuple.of(id))
        .map(Rows.first(ContributionRepository::toStored));
  }

  /** The contribution locked for the transaction: its ratings change one after the other. */
  public Uni<Optional<StoredContribution>> lock(SqlClient sql, UUID id) {
    return sql.preparedQuery(STORED + " for update")
        .execute(Tuple.of(id))
        .map(Rows.first(ContributionRepository::toStored));
  }

  public Uni<List<ContributionView>> mine(String author) {
    return pool.preparedQuery(MINE)
        .execute(Tuple.of(author))
        .map(rows -> Rows.all(rows, ContributionRepository::toView));
  }

  /** Public contributions of the dialogue whose text resembles the given one (trigrams). */
  public Uni<List<ContributionView>> similar(UUID dialogueId, String text, int limit) {
    return pool.preparedQuery(SIMILAR)
        .execute(Tuple.of(dialogueId, text, limit))
        .map(rows -> Rows.all(rows, ContributionRepository::toView));
  }

  /**
   * One page of the dialogue's public contributions in the given order, after the keyset position
   * ({@code afterSeq} null: from the start).
   */
  public Uni<List<Listed>> list(
      UUID dialogueId, Sort sort, Filter filter, Double afterKey, Long afterSeq, int fetch) {
    List<Object> params = new ArrayList<>();
    params.add(dialogueId);
    StringBuilder sql =
        new StringBuilder(VIEW + " where c.dialogue_id = $1 and c.status = 'VISIBLE'");
    if (filter.category() != null) {
      params.add(filter.category());
      sql.append(" and c.category = $").append(params.size());
    }
    if (filter.district() != null) {
      params.add(filter.district());
      sql.append(" and c.district = $").append(params.size());
    }
    if (filter.bbox() != null) {
      double[] b = filter.bbox();
      params.addAll(List.of(b[0], b[2], b[1], b[3]));
      int n = params.size();
      sql.append(" and c.lon between $")
          .append(n - 3)
          .append(" and $")
          .append(n - 2)
          .append(" and c.lat between $")
          .append(n - 1)
          .append(" and $")
          .append(n);
    }
    if (afterSeq != null) {
      if (sort.key == null) {
        params.add(afterSeq);
        sql.append(" and c.seq < $").append(params.size());
      } else {
        params.add(afterKey);
        params.add(afterSeq);
        sql.append(" and (c.")
            .append(sort.key)
            .append(", c.seq) < ($")
            .append(params.size() - 1)
            .append(sort == Sort.DISCUSSED ? "::int" : "::float8")
            .append(", $")
            .append(params.size())
            .append(")");
      }
    }
    sql.append(" order by ");
    if (sort.key != null) {
      sql.append("c.").append(sort.key).append(" desc, ");
    }
    params.add(fetch);
    sql.append("c.seq desc limit $").append(params.size());
    return pool.preparedQuery(sql.toString())
        .execute(Tuple.tuple(params))
        .map(
            rows ->
                Rows.all(
                    rows,
                    row ->
                        new Listed(
                            toView(row),
                            sort == Sort.DISCUSSED
                                ? row.getInteger("comment_count")
                                : row.getDouble("score"),
                            row.getLong("seq"))));
  }

  /** Erases the author's own contribution; false if it is not theirs or already deleted. */
  public Uni<Boolean> deleteOwn(SqlClient sql, UUID id, String author) {
    return sql.preparedQuery(DELETE_OWN)
        .execute(Tuple.of(id, author))
        .map(rows -> rows.rowCount() == 1);
  }

  /** The citizen's current rating of the contribution, if any. */
  public Uni<Optional<Integer>> rating(SqlClient sql, UUID contributionId, String citizen) {
    return sql.preparedQuery(OLD_RATING)
        .execute(Tuple.of(contributionId, citizen))
        .map(Rows.first(row -> (int) row.getShort("value")));
  }

  public Uni<Void> upsertRating(SqlClient sql, UUID contributionId, String citizen, int value) {
    return sql.preparedQuery(UPSERT_RATING)
        .execute(Tuple.of(contributionId, citizen, (short) value))
        .replaceWithVoid();
  }

  public Uni<Void> setRatings(SqlClient sql, UUID id, int count, long sum, double score) {
    return sql.preparedQuery(SET_RATINGS)
        .execute(Tuple.of(id, count, (int) sum, score))
        .replaceWithVoid();
  }

  /** Adds {@code delta} (±1) to the count of public comments. */
  public Uni<Void> addComments(SqlClient sql, UUID id, int delta) {
    return sql.preparedQuery(ADD_COMMENTS).execute(Tuple.of(id, delta)).replaceWithVoid();
  }

  public static ContributionView toView(Row row) {
    Double lat = Rows.doubleOrNull(row, "lat");
    return new ContributionView(
        row.getUUID("id"),
        row.getUUID("dialogue_id"),
        row.getString("body"),
        row.getString("category"),
        row.getString("district"),
        lat == null ? null : new ContributionView.Location(lat, row.getDouble("lon")),
        row.getString("place_ref"),
        row.getString("display_name"),
        ItemStatus.valueOf(row.getString("status")),
        row.getString("status_reason"),
        row.getInteger("rating_count"),
        row.getDouble("score"),
        row.getInteger("comment_count"),
        row.getOffsetDateTime("created_at"));
  }

  private static StoredContribution toStored(Row row) {
    return new StoredContribution(
        row.getUUID("id"),
        row.getUUID("dialogue_id"),
        row.getString("author"),
        ItemStatus.valueOf(row.getString("status")),
        row.getString("category"),
        row.getString("district"),
        row.getInteger("rating_count"),
        row.getInteger("rating_sum"));
  }
}

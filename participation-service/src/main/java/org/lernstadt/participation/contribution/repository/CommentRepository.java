package org.lernstadt.participation.contribution.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.participation.common.Rows;
import org.lernstadt.participation.contribution.domain.ItemStatus;
import org.lernstadt.participation.contribution.mapping.CommentView;

/** SQL of comments. */
@ApplicationScoped
public class CommentRepository {

  public static final String VIEW_COLUMNS =
      "m.id, m.contribution_id, m.parent_id, m.depth, m.body, m.stance, m.display_name,"
          + " m.status, m.status_reason, m.created_at";

  private static final String INSERT =
      "insert into comment (id, contribution_id, parent_id, depth, author, participant,"
          + " display_name, body, stance, status) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

  private static final String VIEW = "select " + VIEW_COLUMNS + " from comment m";

  private static final String THREAD =
      VIEW + " where m.contribution_id = $1 and m.status = 'VISIBLE' order by m.seq limit $2";

  private static final String MINE = VIEW + " where m.author = $1 order by m.seq desc limit 200";

  @Inject Pool pool;

  public Pool pool() {
    return pool;
  }

  public Uni<Void> insert(
      SqlClient sql,
      UUID id,
      UUID contributionId,
      UUID parentId,
      int depth,
      String author,
      String participant,
      String displayName,
      String body,
      String stance) {
    return sql.preparedQuery(INSERT)
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id,
                    contributionId,
                    parentId,
                    depth,
                    author,
                    participant,
                    displayName,
                    body,
                    stance,
                    ItemStatus.VISIBLE.name())))
        .replaceWithVoid();
  }

  public Uni<Optional<CommentView>> view(SqlClient sql, UUID id) {
    return sql.preparedQuery(VIEW + " where m.id = $1")
        .execute(Tuple.of(id))
        .map(Rows.first(CommentRepository::toView));
  }

  /** The public comments of a contribution in the order they were written. */
  public Uni<List<CommentView>> thread(UUID contributionId, int limit) {
    return pool.preparedQuery(THREAD)
        .execute(Tuple.of(contributionId, limit))
        .map(rows -> Rows.all(rows, CommentRepository::toView));
  }

  /** The author's own comments in every status, newest first. */
  public Uni<List<CommentView>> mine(String author) {
    return pool.preparedQuery(MINE)
        .execute(Tuple.of(author))
        .map(rows -> Rows.all(rows, CommentRepository::toView));
  }

  public static CommentView toView(Row row) {
    return new CommentView(
        row.getUUID("id"),
        row.getUUID("contribution_id"),
        row.getUUID("parent_id"),
        row.getInteger("depth"),
        row.getString("body"),
        row.getString("stance"),
        row.getString("display_name"),
        ItemStatus.valueOf(row.getString("status")),
        row.getString("status_reason"),
        row.getOffsetDateTime("created_at"));
  }
}

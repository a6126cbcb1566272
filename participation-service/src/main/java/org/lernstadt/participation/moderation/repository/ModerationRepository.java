package org.lernstadt.participation.moderation.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.participation.common.Rows;
import org.lernstadt.participation.contribution.domain.ItemKind;
import org.lernstadt.participation.contribution.domain.ItemStatus;
import org.lernstadt.participation.moderation.domain.ModeratedItem;
import org.lernstadt.participation.moderation.mapping.DecisionView;
import org.lernstadt.participation.moderation.mapping.QueueItem;

/** SQL of reports, moderation decisions and appeals, on contributions and comments alike. */
@ApplicationScoped
public class ModerationRepository {

  private static final String LOCK_CONTRIBUTION =
      "select 'CONTRIBUTION' as kind, c.id, c.dialogue_id, c.id as contribution_id, c.author,"
          + " c.status, c.district, c.category, d.report_threshold"
          + " from contribution c join dialogue d on d.id = c.dialogue_id"
          + " where c.id = $1 for update of c";

  private static final String LOCK_COMMENT =
      "select 'COMMENT' as kind, m.id, c.dialogue_id, m.contribution_id, m.author, m.status,"
          + " c.district, c.category, d.report_threshold"
          + " from comment m join contribution c on c.id = m.contribution_id"
          + " join dialogue d on d.id = c.dialogue_id where m.id = $1 for update of m";

  private static final String INSERT_REPORT =
      "insert into report (id, item_kind, item_id, dialogue_id, reporter, reason, note)"
          + " values ($1, $2, $3, $4, $5, $6, $7)";

  private static final String INSERT_DECISION =
      "insert into moderation_decision (id, item_kind, item_id, dialogue_id, decision, moderator,"
          + " reason) values ($1, $2, $3, $4, $5, $6, $7)";

  private static final String INSERT_APPEAL =
      "insert into appeal (item_kind, item_id, author, note) values ($1, $2, $3, $4)";

  private static final String DECISION_COLUMNS =
      "id, item_kind, item_id, dialogue_id, decision, moderator, reason, created_at";

  private static final String QUEUE_PART =
      "select '%1$s' as kind, i.id, %2$s as dialogue_id, %3$s as contribution_id, i.body,"
          + " i.status, i.status_reason, i.open_reports, i.appealed, a.note as appeal, i.created_at,"
          + " (select jsonb_object_agg(x.reason, x.n) from (select r.reason, count(*) as n"
          + " from report r where r.item_kind = '%1$s' and r.item_id = i.id group by r.reason) x)"
          + "::text as reasons"
          + " from %4$s"
          + " left join appeal a on a.item_kind = '%1$s' and a.item_id = i.id"
          + " where (i.open_reports > 0 or i.status = 'PENDING' or i.appealed)";

  private static final String QUEUE =
      String.format(QUEUE_PART, "CONTRIBUTION", "i.dialogue_id", "i.id", "contribution i")
          + " and ($1::uuid is null or i.dialogue_id = $1)"
          + " union all "
          + String.format(
              QUEUE_PART,
              "COMMENT",
              "c.dialogue_id",
              "i.contribution_id",
              "comment i join contribution c on c.id = i.contribution_id")
          + " and ($1::uuid is null or c.dialogue_id = $1)"
          + " order by open_reports desc, appealed desc, created_at limit $2";

  @Inject Pool pool;
  @Inject ObjectMapper json;

  public Pool pool() {
    return pool;
  }

  /** The item locked for the transaction, or empty. */
  public Uni<Optional<ModeratedItem>> lock(SqlClient sql, ItemKind kind, UUID id) {
    return sql.preparedQuery(kind == ItemKind.CONTRIBUTION ? LOCK_CONTRIBUTION : LOCK_COMMENT)
        .execute(Tuple.of(id))
        .map(Rows.first(ModerationRepository::toItem));
  }

  public Uni<Void> insertReport(
      SqlClient sql, UUID id, ModeratedItem item, String reporter, String reason, String note) {
    return sql.preparedQuery(INSERT_REPORT)
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id, item.kind().name(), item.id(), item.dialogueId(), reporter, reason, note)))
        .replaceWithVoid();
  }

  /** One more open report on the item; returns how many it has now. */
  public Uni<Integer> addReport(SqlClient sql, ModeratedItem item) {
    return sql.preparedQuery(
            "update "
                + table(item.kind())
                + " set open_reports = open_reports + 1 where id = $1 returning open_reports")
        .execute(Tuple.of(item.id()))
        .map(rows -> rows.iterator().next().getInteger("open_reports"));
  }

  /**
   * Sets the status and public reason; a moderator's decision also closes the open reports and the
   * appeal.
   */
  public Uni<Void> setStatus(
      SqlClient sql, ModeratedItem item, ItemStatus status, String reason, boolean decided) {
    String closing = decided ? ", open_reports = 0, appealed = false" : "";
    return sql.preparedQuery(
            "update "
                + table(item.kind())
                + " set status = $2, status_reason = $3"
                + closing
                + " where id = $1")
        .execute(Tuple.tuple(Arrays.asList(item.id(), status.name(), reason)))
        .replaceWithVoid();
  }

  public Uni<Void> markAppealed(SqlClient sql, ModeratedItem item) {
    return sql.preparedQuery("update " + table(item.kind()) + " set appealed = true where id = $1")
        .execute(Tuple.of(item.id()))
        .replaceWithVoid();
  }

  public Uni<Void> insertAppeal(SqlClient sql, ModeratedItem item, String author, String note) {
    return sql.preparedQuery(INSERT_APPEAL)
        .execute(Tuple.of(item.kind().name(), item.id(), author, note))
        .replaceWithVoid();
  }

  /** Records a step in the audit; returns its id. */
  public Uni<UUID> insertDecision(
      SqlClient sql, ModeratedItem item, String decision, String moderator, String reason) {
    UUID id = UUID.randomUUID();
    return sql.preparedQuery(INSERT_DECISION)
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id,
                    item.kind().name(),
                    item.id(),
                    item.dialogueId(),
                    decision,
                    moderator,
                    reason)))
        .replaceWith(id);
  }

  public Uni<DecisionView> decision(SqlClient sql, UUID id) {
    return sql.preparedQuery(
            "select " + DECISION_COLUMNS + " from moderation_decision where id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toDecision(rows.iterator().next()));
  }

  /** The audit, newest first, of one item or one dialogue or all. */
  public Uni<List<DecisionView>> decisions(UUID itemId, UUID dialogueId, int limit) {
    return pool.preparedQuery(
            "select "
                + DECISION_COLUMNS
                + " from moderation_decision where ($1::uuid is null or item_id = $1)"
                + " and ($2::uuid is null or dialogue_id = $2) order by seq desc limit $3")
        .execute(Tuple.tuple(Arrays.asList(itemId, dialogueId, limit)))
        .map(rows -> Rows.all(rows, ModerationRepository::toDecision));
  }

  /** Items waiting for a moderator, most reported first. */
  public Uni<List<QueueItem>> queue(UUID dialogueId, int limit) {
    return pool.preparedQuery(QUEUE)
        .execute(Tuple.tuple(Arrays.asList(dialogueId, limit)))
        .map(rows -> Rows.all(rows, this::toQueueItem));
  }

  private static String table(ItemKind kind) {
    return kind == ItemKind.CONTRIBUTION ? "contribution" : "comment";
  }

  private static ModeratedItem toItem(Row row) {
    return new ModeratedItem(
        ItemKind.valueOf(row.getString("kind")),
        row.getUUID("id"),
        row.getUUID("dialogue_id"),
        row.getUUID("contribution_id"),
        row.getString("author"),
        ItemStatus.valueOf(row.getString("status")),
        row.getString("district"),
        row.getString("category"),
        row.getInteger("report_threshold"));
  }

  private static DecisionView toDecision(Row row) {
    return new DecisionView(
        row.getUUID("id"),
        ItemKind.valueOf(row.getString("item_kind")),
        row.getUUID("item_id"),
        row.getUUID("dialogue_id"),
        row.getString("decision"),
        row.getString("moderator"),
        row.getString("reason"),
        row.getOffsetDateTime("created_at"));
  }

  private QueueItem toQueueItem(Row row) {
    String reasons = row.getString("reasons");
    Map<String, Integer> counts;
    try {
      counts =
          reasons == null
              ? Map.of()
              : json.readValue(reasons, new TypeReference<Map<String, Integer>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable report counts: " + reasons, e);
    }
    return new QueueItem(
        ItemKind.valueOf(row.getString("kind")),
        row.getUUID("id"),
        row.getUUID("dialogue_id"),
        row.getUUID("contribution_id"),
        row.getString("body"),
        ItemStatus.valueOf(row.getString("status")),
        row.getString("status_reason"),
        row.getInteger("open_reports"),
        counts,
        row.getBoolean("appealed"),
        row.getString("appeal"),
        row.getOffsetDateTime("created_at"));
  }
}

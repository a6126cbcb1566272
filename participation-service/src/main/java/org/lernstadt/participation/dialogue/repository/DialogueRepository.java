package org.lernstadt.participation.dialogue.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.participation.common.JsonColumns;
import org.lernstadt.participation.common.Rows;
import org.lernstadt.participation.dialogue.domain.Dialogue;
import org.lernstadt.participation.dialogue.domain.Phase;
import org.lernstadt.participation.dialogue.domain.PhaseWindow;
import org.lernstadt.participation.dialogue.domain.RatingMode;
import org.lernstadt.participation.dialogue.mapping.DialogueView;

/** SQL of dialogues, on the caller's connection (and transaction) or the pool. */
@ApplicationScoped
public class DialogueRepository {

  private static final String COLUMNS =
      "id, title, description, questions::text as questions, categories, districts, phase,"
          + " phases::text as phases, rating_mode, max_comment_depth, max_comment_length,"
          + " report_threshold, anonymous_contributions, created_at, phase_changed_at";

  private static final String INSERT =
      "insert into dialogue (id, title, description, questions, categories, districts, phase,"
          + " phases, rating_mode, max_comment_depth, max_comment_length, report_threshold,"
          + " anonymous_contributions, created_by)"
          + " values ($1, $2, $3, cast($4::text as jsonb), $5, $6, 'DRAFT',"
          + " cast($7::text as jsonb), $8, $9, $10, $11, $12, $13)";

  private static final String UPDATE =
      "update dialogue set title = $2, description = $3, questions = cast($4::text as jsonb),"
          + " categories = $5, districts = $6, phases = cast($7::text as jsonb), rating_mode = $8,"
          + " max_comment_depth = $9, max_comment_length = $10, report_threshold = $11,"
          + " anonymous_contributions = $12, updated_at = now() where id = $1";

  private static final String BY_ID = "select " + COLUMNS + " from dialogue where id = $1";

  private static final String LOCK = BY_ID + " for update";

  private static final String SHARE = BY_ID + " for share";

  private static final String CHANGE_PHASE =
      "update dialogue set phase = $2, phase_changed_at = now(), updated_at = now()"
          + " where id = $1";

  @Inject Pool pool;
  @Inject JsonColumns json;

  public Pool pool() {
    return pool;
  }

  /** A new dialogue values: the view of the command, already checked. */
  public Uni<Void> insert(SqlClient sql, DialogueView d, String createdBy) {
    return sql.preparedQuery(INSERT).execute(Tuple.tuple(values(d, createdBy))).replaceWithVoid();
  }

  public Uni<Void> update(SqlClient sql, DialogueView d) {
    List<Object> values = values(d, null);
    return sql.preparedQuery(UPDATE).execute(Tuple.tuple(values.subList(0, 12))).replaceWithVoid();
  }

  public Uni<Optional<DialogueView>> find(SqlClient sql, UUID id) {
    return sql.preparedQuery(BY_ID).execute(Tuple.of(id)).map(Rows.first(this::toView));
  }

  /** The dialogue's row locked for the transaction: its phase cannot change meanwhile. */
  public Uni<Optional<DialogueView>> lock(SqlClient sql, UUID id) {
    return sql.preparedQuery(LOCK).execute(Tuple.of(id)).map(Rows.first(this::toView));
  }

  /**
   * The dialogue's row under a share lock: writes of citizens run side by side, but the phase
   * cannot change before they commit.
   */
  public Uni<Optional<DialogueView>> share(SqlClient sql, UUID id) {
    return sql.preparedQuery(SHARE).execute(Tuple.of(id)).map(Rows.first(this::toView));
  }

  public Uni<Void> changePhase(SqlClient sql, UUID id, Phase phase) {
    return sql.preparedQuery(CHANGE_PHASE).execute(Tuple.of(id, phase.name())).replaceWithVoid();
  }

  /**
   * One page of dialogues, newest first, after the cursor position {@code (createdAt, id)}.
   *
   * @param phase only this phase, or any public phase if {@code null}
   * @param text a {@code LIKE} pattern (escaped with backslashes) that the title or the description
   *     must match, case-, accent- and ß-insensitive; or {@code null} for all
   * @param district only dialogues concerning this district, or all
   */
  public Uni<List<DialogueView>> list(
      Phase phase,
      String text,
      String district,
      OffsetDateTime afterCreated,
      UUID afterId,
      int fetch) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from dialogue where ");
    List<Object> params = new ArrayList<>();
    if (phase != null) {
      params.add(phase.name());
      sql.append("phase = $").append(params.size());
    } else {
      sql.append("phase <> 'DRAFT'");
    }
    if (text != null) {
      params.add(text);
      String pattern = "search_fold($" + params.size() + ") escape '\\'";
      sql.append(" and (search_fold(title) like ")
          .append(pattern)
          .append(" or search_fold(description) like ")
          .append(pattern)
          .append(")");
    }
    if (district != null) {
      params.add(district);
      sql.append(" and $").append(params.size()).append(" = any(districts)");
    }
    if (afterCreated != null) {
      params.add(afterCreated);
      params.add(afterId);
      sql.append(" and (created_at, id) < ($")
          .append(params.size() - 1)
          .append(", $")
          .append(params.size())
          .append(")");
    }
    params.add(fetch);
    sql.append(" order by created_at desc, id desc limit $").append(params.size());
    return pool.preparedQuery(sql.toString())
        .execute(Tuple.tuple(params))
        .map(rows -> Rows.all(rows, this::toView));
  }

  /** The rules the dialogue's writes are checked against. */
  public static Dialogue rules(DialogueView v) {
    return new Dialogue(
        v.id(),
        v.phase(),
        v.phases(),
        v.categories(),
        v.districts(),
        v.ratingMode(),
        v.maxCommentDepth(),
        v.maxCommentLength(),
        v.reportThreshold(),
        v.anonymousContributions());
  }

  private List<Object> values(DialogueView d, String createdBy) {
    List<Object> values =
        new ArrayList<>(
            Arrays.asList(
                d.id(),
                d.title(),
                d.description(),
                json.write(d.questions()),
                d.categories().toArray(String[]::new),
                d.districts().toArray(String[]::new),
                json.write(d.phases()),
                d.ratingMode().name(),
                d.maxCommentDepth(),
                d.maxCommentLength(),
                d.reportThreshold(),
                d.anonymousContributions()));
    values.add(createdBy);
    return values;
  }

  private DialogueView toView(Row row) {
    return new DialogueView(
        row.getUUID("id"),
        row.getString("title"),
        row.getString("description"),
        json.read(row.getString("questions"), new TypeReference<List<String>>() {}),
        List.of(row.getArrayOfStrings("categories")),
        List.of(row.getArrayOfStrings("districts")),
        Phase.valueOf(row.getString("phase")),
        json.read(row.getString("phases"), new TypeReference<List<PhaseWindow>>() {}),
        RatingMode.valueOf(row.getString("rating_mode")),
        row.getInteger("max_comment_depth"),
        row.getInteger("max_comment_length"),
        row.getInteger("report_threshold"),
        row.getBoolean("anonymous_contributions"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("phase_changed_at"));
  }
}

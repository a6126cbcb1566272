package org.lernstadt.participation.survey.repository;

import com.fasterxml.jackson.core.type.TypeReference;
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
import org.lernstadt.participation.common.JsonColumns;
import org.lernstadt.participation.common.Rows;
import org.lernstadt.participation.form.FormField;
import org.lernstadt.participation.survey.mapping.SurveyView;

/** SQL of surveys and their responses. */
@ApplicationScoped
public class SurveyRepository {

  /** A stored response: district and answers. */
  public record StoredResponse(String district, Map<String, Object> answers) {}

  private static final String COLUMNS =
      "id, dialogue_id, title, form::text as form, min_cell_size, published_at";

  private static final String UPSERT =
      "insert into survey (id, dialogue_id, title, form, min_cell_size)"
          + " values ($1, $2, $3, cast($4::text as jsonb), $5)"
          + " on conflict (dialogue_id) do update set title = excluded.title,"
          + " form = excluded.form, min_cell_size = excluded.min_cell_size";

  private static final String BY_DIALOGUE =
      "select " + COLUMNS + " from survey where dialogue_id = $1";

  private static final String INSERT_RESPONSE =
      "insert into survey_response (id, survey_id, respondent, district, answers)"
          + " values ($1, $2, $3, $4, cast($5::text as jsonb))";

  private static final String RESPONSES =
      "select district, answers::text as answers from survey_response where survey_id = $1";

  private static final String HAS_RESPONSES =
      "select exists (select 1 from survey_response where survey_id = $1) as answered";

  @Inject Pool pool;
  @Inject JsonColumns json;

  public Pool pool() {
    return pool;
  }

  public Uni<Void> upsert(
      SqlClient sql, UUID id, UUID dialogueId, String title, List<FormField> form, int minCell) {
    return sql.preparedQuery(UPSERT)
        .execute(Tuple.tuple(Arrays.asList(id, dialogueId, title, json.write(form), minCell)))
        .replaceWithVoid();
  }

  public Uni<Optional<SurveyView>> byDialogue(SqlClient sql, UUID dialogueId, boolean lock) {
    return sql.preparedQuery(BY_DIALOGUE + (lock ? " for update" : ""))
        .execute(Tuple.of(dialogueId))
        .map(Rows.first(this::toView));
  }

  public Uni<Boolean> hasResponses(SqlClient sql, UUID surveyId) {
    return sql.preparedQuery(HAS_RESPONSES)
        .execute(Tuple.of(surveyId))
        .map(rows -> rows.iterator().next().getBoolean("answered"));
  }

  public Uni<Void> insertResponse(
      SqlClient sql,
      UUID id,
      UUID surveyId,
      String respondent,
      String district,
      Map<String, Object> answers) {
    return sql.preparedQuery(INSERT_RESPONSE)
        .execute(
            Tuple.tuple(Arrays.asList(id, surveyId, respondent, district, json.write(answers))))
        .replaceWithVoid();
  }

  public Uni<List<StoredResponse>> responses(SqlClient sql, UUID surveyId) {
    return sql.preparedQuery(RESPONSES)
        .execute(Tuple.of(surveyId))
        .map(
            rows ->
                Rows.all(
                    rows,
                    r ->
                        new StoredResponse(
                            r.getString("district"),
                            json.read(
                                r.getString("answers"),
                                new TypeReference<Map<String, Object>>() {}))));
  }

  public Uni<Void> markPublished(SqlClient sql, UUID surveyId) {
    return sql.preparedQuery("update survey set published_at = now() where id = $1")
        .execute(Tuple.of(surveyId))
        .replaceWithVoid();
  }

  private SurveyView toView(Row r) {
    return new SurveyView(
        r.getUUID("id"),
        r.getUUID("dialogue_id"),
        r.getString("title"),
        json.read(r.getString("form"), new TypeReference<List<FormField>>() {}),
        r.getInteger("min_cell_size"),
        r.getOffsetDateTime("published_at"));
  }
}

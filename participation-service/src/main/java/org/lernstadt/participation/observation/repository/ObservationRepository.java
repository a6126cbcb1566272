package org.lernstadt.participation.observation.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.participation.common.JsonColumns;
import org.lernstadt.participation.common.Rows;
import org.lernstadt.participation.form.FormField;
import org.lernstadt.participation.observation.mapping.ObservationView;
import org.lernstadt.participation.observation.mapping.ProjectView;

/** SQL of observation projects and observations. */
@ApplicationScoped
public class ObservationRepository {

  private static final String OBSERVATION_COLUMNS =
      "id, project_id, district, lat, lon, observed_at, photo_ref, answers::text as answers,"
          + " status, review_reason, created_at";

  @Inject Pool pool;
  @Inject JsonColumns json;

  public Pool pool() {
    return pool;
  }

  public Uni<Void> insertProject(
      SqlClient sql, UUID id, String title, String description, List<FormField> form, String by) {
    return sql.preparedQuery(
            "insert into observation_project (id, title, description, form, created_by)"
                + " values ($1, $2, $3, cast($4::text as jsonb), $5)")
        .execute(Tuple.of(id, title, description, json.write(form), by))
        .replaceWithVoid();
  }

  public Uni<Optional<ProjectView>> project(SqlClient sql, UUID id) {
    return sql.preparedQuery(
            "select id, title, description, form::text as form from observation_project where id = $1")
        .execute(Tuple.of(id))
        .map(
            Rows.first(
                r ->
                    new ProjectView(
                        r.getUUID("id"),
                        r.getString("title"),
                        r.getString("description"),
                        json.read(r.getString("form"), new TypeReference<List<FormField>>() {}))));
  }

  public Uni<Void> insertObservation(
      SqlClient sql,
      UUID id,
      UUID projectId,
      String observer,
      String district,
      double lat,
      double lon,
      OffsetDateTime observedAt,
      String photoRef,
      Map<String, Object> answers) {
    return sql.preparedQuery(
            "insert into observation (id, project_id, observer, district, lat, lon, observed_at,"
                + " photo_ref, answers, status) values ($1, $2, $3, $4, $5, $6, $7, $8,"
                + " cast($9::text as jsonb), 'SUBMITTED')")
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id,
                    projectId,
                    observer,
                    district,
                    lat,
                    lon,
                    observedAt,
                    photoRef,
                    json.write(answers))))
        .replaceWithVoid();
  }

  public Uni<Optional<ObservationView>> observation(
      SqlClient sql, UUID projectId, UUID id, boolean lock) {
    return sql.preparedQuery(
            "select "
                + OBSERVATION_COLUMNS
                + " from observation where project_id = $1 and id = $2"
                + (lock ? " for update" : ""))
        .execute(Tuple.of(projectId, id))
        .map(Rows.first(this::toView));
  }

  /** The project's observations in one status, in order of arrival. */
  public Uni<List<ObservationView>> byStatus(UUID projectId, String status, int limit) {
    return pool.preparedQuery(
            "select "
                + OBSERVATION_COLUMNS
                + " from observation where project_id = $1 and status = $2 order by seq limit $3")
        .execute(Tuple.of(projectId, status, limit))
        .map(rows -> Rows.all(rows, this::toView));
  }

  public Uni<Void> review(SqlClient sql, UUID id, String status, String reason, String reviewer) {
    return sql.preparedQuery(
            "update observation set status = $2, review_reason = $3, reviewed_by = $4 where id = $1")
        .execute(Tuple.tuple(Arrays.asList(id, status, reason, reviewer)))
        .replaceWithVoid();
  }

  private ObservationView toView(Row r) {
    return new ObservationView(
        r.getUUID("id"),
        r.getUUID("project_id"),
        r.getString("district"),
        r.getDouble("lat"),
        r.getDouble("lon"),
        r.getOffsetDateTime("observed_at"),
        r.getString("photo_ref"),
        json.read(r.getString("answers"), new TypeReference<Map<String, Object>>() {}),
        r.getString("status"),
        r.getString("review_reason"),
        r.getOffsetDateTime("created_at"));
  }
}

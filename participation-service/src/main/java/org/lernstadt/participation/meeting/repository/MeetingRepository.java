package org.lernstadt.participation.meeting.repository;

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
import org.lernstadt.participation.common.Rows;
import org.lernstadt.participation.meeting.mapping.MeetingView;
import org.lernstadt.participation.meeting.mapping.RegistrationView;
import org.lernstadt.participation.meeting.service.MeetingCommand;

/**
 * SQL of events and registrations. Every change of registrations locks the event row first, so the
 * registrations of one event run one after the other and its counts stay exact.
 */
@ApplicationScoped
public class MeetingRepository {

  private static final String COLUMNS =
      "id, dialogue_id, kind, title, description, starts_at, ends_at, place, online_url,"
          + " district, capacity, registered, waitlisted, attendance";

  private static final String INSERT =
      "insert into event (id, dialogue_id, kind, title, description, starts_at, ends_at, place,"
          + " online_url, district, capacity, created_by)"
          + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

  private static final String BY_ID = "select " + COLUMNS + " from event where id = $1";

  private static final String COUNT =
      "update event set registered = registered + $2, waitlisted = waitlisted + $3 where id = $1";

  private static final String ATTENDANCE = "update event set attendance = $2 where id = $1";

  private static final String REGISTRATION_VIEW =
      "select r.id, r.event_id, r.status, r.created_at, r.cancelled_at,"
          + " case when r.status = 'WAITLISTED' then (select count(*)::int from event_registration w"
          + " where w.event_id = r.event_id and w.status = 'WAITLISTED' and w.seq <= r.seq)"
          + " end as position from event_registration r";

  private static final String ACTIVE =
      REGISTRATION_VIEW + " where r.event_id = $1 and r.citizen = $2 and r.status <> 'CANCELLED'";

  private static final String INSERT_REGISTRATION =
      "insert into event_registration (id, event_id, citizen, status) values ($1, $2, $3, $4)";

  private static final String CANCEL =
      "update event_registration set status = 'CANCELLED', cancelled_at = now() where id = $1";

  /** The first on the waiting list takes the freed place. */
  private static final String MOVE_UP =
      "update event_registration set status = 'REGISTERED' where id = (select id from"
          + " event_registration where event_id = $1 and status = 'WAITLISTED' order by seq"
          + " limit 1) returning id";

  @Inject Pool pool;

  public Pool pool() {
    return pool;
  }

  public Uni<Void> insert(SqlClient sql, UUID id, MeetingCommand c, String createdBy) {
    return sql.preparedQuery(INSERT)
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id,
                    c.dialogueId(),
                    c.kind(),
                    c.title(),
                    c.description(),
                    c.startsAt(),
                    c.endsAt(),
                    c.place(),
                    c.onlineUrl(),
                    c.district(),
                    c.capacity(),
                    createdBy)))
        .replaceWithVoid();
  }

  public Uni<Optional<MeetingView>> find(SqlClient sql, UUID id) {
    return sql.preparedQuery(BY_ID)
        .execute(Tuple.of(id))
        .map(Rows.first(MeetingRepository::toView));
  }

  public Uni<Optional<MeetingView>> lock(SqlClient sql, UUID id) {
    return sql.preparedQuery(BY_ID + " for update")
        .execute(Tuple.of(id))
        .map(Rows.first(MeetingRepository::toView));
  }

  /** Upcoming events (ending or starting after {@code from}), soonest first. */
  public Uni<List<MeetingView>> list(
      UUID dialogueId, String district, OffsetDateTime from, int limit) {
    List<Object> params = new ArrayList<>();
    params.add(from);
    StringBuilder sql =
        new StringBuilder(
            "select " + COLUMNS + " from event where coalesce(ends_at, starts_at) >= $1");
    if (dialogueId != null) {
      params.add(dialogueId);
      sql.append(" and dialogue_id = $").append(params.size());
    }
    if (district != null) {
      params.add(district);
      sql.append(" and district = $").append(params.size());
    }
    params.add(limit);
    sql.append(" order by starts_at, id limit $").append(params.size());
    return pool.preparedQuery(sql.toString())
        .execute(Tuple.tuple(params))
        .map(rows -> Rows.all(rows, MeetingRepository::toView));
  }

  public Uni<Void> count(SqlClient sql, UUID id, int registered, int waitlisted) {
    return sql.preparedQuery(COUNT).execute(Tuple.of(id, registered, waitlisted)).replaceWithVoid();
  }

  public Uni<Void> attendance(SqlClient sql, UUID id, int attendance) {
    return sql.preparedQuery(ATTENDANCE).execute(Tuple.of(id, attendance)).replaceWithVoid();
  }

  public Uni<Optional<RegistrationView>> active(SqlClient sql, UUID eventId, String citizen) {
    return sql.preparedQuery(ACTIVE)
        .execute(Tuple.of(eventId, citizen))
        .map(Rows.first(MeetingRepository::toRegistration));
  }

  public Uni<RegistrationView> registration(SqlClient sql, UUID id) {
    return sql.preparedQuery(REGISTRATION_VIEW + " where r.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> toRegistration(rows.iterator().next()));
  }

  public Uni<Void> register(SqlClient sql, UUID id, UUID eventId, String citizen, String status) {
    return sql.preparedQuery(INSERT_REGISTRATION)
        .execute(Tuple.of(id, eventId, citizen, status))
        .replaceWithVoid();
  }

  public Uni<Void> cancel(SqlClient sql, UUID registrationId) {
    return sql.preparedQuery(CANCEL).execute(Tuple.of(registrationId)).replaceWithVoid();
  }

  /** Moves the first on the waiting list up; whether there was one. */
  public Uni<Boolean> moveUp(SqlClient sql, UUID eventId) {
    return sql.preparedQuery(MOVE_UP).execute(Tuple.of(eventId)).map(rows -> rows.rowCount() == 1);
  }

  private static MeetingView toView(Row r) {
    return new MeetingView(
        r.getUUID("id"),
        r.getUUID("dialogue_id"),
        r.getString("kind"),
        r.getString("title"),
        r.getString("description"),
        r.getOffsetDateTime("starts_at"),
        r.getOffsetDateTime("ends_at"),
        r.getString("place"),
        r.getString("online_url"),
        r.getString("district"),
        r.getInteger("capacity"),
        r.getInteger("registered"),
        r.getInteger("waitlisted"),
        r.getInteger("attendance"));
  }

  private static RegistrationView toRegistration(Row r) {
    return new RegistrationView(
        r.getUUID("id"),
        r.getUUID("event_id"),
        r.getString("status"),
        r.getInteger("position"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("cancelled_at"));
  }
}

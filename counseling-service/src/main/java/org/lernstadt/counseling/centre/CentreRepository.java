package org.lernstadt.counseling.centre;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.counseling.common.Sql;

/** SQL of centres and slots. */
@ApplicationScoped
public class CentreRepository {

  private static final String CENTRE_COLUMNS =
      "id, name, street, postal_code, city, latitude, longitude, district, opening_hours,"
          + " languages, accessibility, topics";

  /** A slot is free while no active booking of its counsellor overlaps it. */
  private static final String SLOT_COLUMNS =
      "s.id, s.centre_id, lower(s.period) as starts, upper(s.period) as ends, s.format,"
          + " not exists (select 1 from booking b where b.counsellor = s.counsellor"
          + " and b.status = 'BOOKED' and b.period && s.period) as free";

  @Inject Pool pool;

  public Pool pool() {
    return pool;
  }

  /**
   * The centres by name, optionally only those whose name matches {@code namePattern} (a {@code
   * LIKE} pattern escaped with backslashes; case-, accent- and ß-insensitive) and those in {@code
   * district}; null means no filter.
   */
  public Uni<List<CentreView>> matching(SqlClient sql, String namePattern, String district) {
    return sql.preparedQuery(
            "select "
                + CENTRE_COLUMNS
                + " from centre where (cast($1 as text) is null"
                + " or search_fold(name) like search_fold($1) escape '\\')"
                + " and (cast($2 as text) is null or district = $2) order by name, id")
        .execute(Tuple.of(namePattern, district))
        .map(Sql.all(CentreRepository::toCentre));
  }

  public Uni<Optional<CentreView>> byId(SqlClient sql, UUID id) {
    return sql.preparedQuery("select " + CENTRE_COLUMNS + " from centre where id = $1")
        .execute(Tuple.of(id))
        .map(Sql.first(CentreRepository::toCentre));
  }

  /** The centre's slots that end after {@code from} and start before {@code to}. */
  public Uni<List<SlotView>> slots(
      SqlClient sql, UUID centreId, OffsetDateTime from, OffsetDateTime to) {
    return sql.preparedQuery(
            "select "
                + SLOT_COLUMNS
                + " from slot s where s.centre_id = $1 and s.period && tstzrange($2, $3, '[)')"
                + " order by lower(s.period), s.id limit 500")
        .execute(Tuple.of(centreId, from, to))
        .map(Sql.all(CentreRepository::toSlot));
  }

  public Uni<SlotView> insertSlot(
      SqlClient sql, UUID id, UUID centreId, String counsellor, SlotCommand slot) {
    return sql.preparedQuery(
            "insert into slot (id, centre_id, counsellor, period, format)"
                + " values ($1, $2, $3, tstzrange($4, $5, '[)'), $6)")
        .execute(Tuple.of(id, centreId, counsellor, slot.start(), slot.end(), slot.format().name()))
        .chain(
            () ->
                sql.preparedQuery("select " + SLOT_COLUMNS + " from slot s where s.id = $1")
                    .execute(Tuple.of(id)))
        .map(rows -> toSlot(rows.iterator().next()));
  }

  public Uni<Void> upsert(SqlClient sql, UUID id, CentreCommand c) {
    return sql.preparedQuery(
            "insert into centre (id, name, street, postal_code, city, latitude, longitude,"
                + " district, opening_hours, languages, accessibility, topics)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
                + " on conflict (id) do update set name = excluded.name,"
                + " street = excluded.street, postal_code = excluded.postal_code,"
                + " city = excluded.city, latitude = excluded.latitude,"
                + " longitude = excluded.longitude, district = excluded.district,"
                + " opening_hours = excluded.opening_hours, languages = excluded.languages,"
                + " accessibility = excluded.accessibility, topics = excluded.topics")
        .execute(
            Tuple.tuple(
                java.util.Arrays.asList(
                    id,
                    c.name(),
                    c.street(),
                    c.postalCode(),
                    c.city(),
                    c.latitude(),
                    c.longitude(),
                    c.district(),
                    c.openingHours(),
                    CentreCommand.orEmpty(c.languages()).toArray(String[]::new),
                    CentreCommand.orEmpty(c.accessibility()).toArray(String[]::new),
                    CentreCommand.orEmpty(c.topics()).toArray(String[]::new))))
        .replaceWithVoid();
  }

  public Uni<Void> putMember(SqlClient sql, UUID centreId, String subject, boolean lead) {
    return sql.preparedQuery(
            "insert into centre_member (centre_id, subject, lead) values ($1, $2, $3)"
                + " on conflict (centre_id, subject) do update set lead = excluded.lead")
        .execute(Tuple.of(centreId, subject, lead))
        .replaceWithVoid();
  }

  /** Removes a membership; false if there was none. */
  public Uni<Boolean> removeMember(SqlClient sql, UUID centreId, String subject) {
    return sql.preparedQuery("delete from centre_member where centre_id = $1 and subject = $2")
        .execute(Tuple.of(centreId, subject))
        .map(rows -> rows.rowCount() == 1);
  }

  static CentreView toCentre(Row r) {
    return new CentreView(
        r.getUUID("id"),
        r.getString("name"),
        r.getString("street"),
        r.getString("postal_code"),
        r.getString("city"),
        r.getDouble("latitude"),
        r.getDouble("longitude"),
        r.getString("district"),
        r.getString("opening_hours"),
        Sql.strings(r, "languages"),
        Sql.strings(r, "accessibility"),
        Sql.strings(r, "topics"));
  }

  static SlotView toSlot(Row r) {
    return new SlotView(
        r.getUUID("id"),
        r.getUUID("centre_id"),
        r.getOffsetDateTime("starts").withOffsetSameInstant(ZoneOffset.UTC),
        r.getOffsetDateTime("ends").withOffsetSameInstant(ZoneOffset.UTC),
        r.getString("format"),
        r.getBoolean("free"));
  }
}

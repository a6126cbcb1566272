package org.lernstadt.counseling.booking;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.counseling.common.Sql;

/** SQL of bookings, on the caller's connection and transaction. */
@ApplicationScoped
public class BookingRepository {

  /** A slot to book: its counsellor's range is what the exclusion constraint compares. */
  record BookableSlot(UUID id, UUID centreId, String district, java.time.OffsetDateTime start) {}

  private static final String COLUMNS =
      "b.id, b.slot_id, b.centre_id, c.district, lower(b.period) as starts,"
          + " upper(b.period) as ends, b.format, b.status, b.holder, b.cancel_code_hash,"
          + " b.booked_at, b.cancelled_at from booking b join centre c on c.id = b.centre_id";

  @Inject Pool pool;

  public Pool pool() {
    return pool;
  }

  /** Serialises the bookings of one holder, so that the limit of open bookings holds. */
  Uni<Void> lockHolder(SqlClient sql, String holder) {
    return sql.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
        .execute(Tuple.of(holder))
        .replaceWithVoid();
  }

  Uni<Optional<BookableSlot>> slot(SqlClient sql, UUID slotId) {
    return sql.preparedQuery(
            "select s.id, s.centre_id, c.district, lower(s.period) as starts from slot s"
                + " join centre c on c.id = s.centre_id where s.id = $1")
        .execute(Tuple.of(slotId))
        .map(
            Sql.first(
                r ->
                    new BookableSlot(
                        r.getUUID("id"),
                        r.getUUID("centre_id"),
                        r.getString("district"),
                        r.getOffsetDateTime("starts"))));
  }

  /** The holder's bookings that are active and not over yet. */
  Uni<Integer> openCount(SqlClient sql, String holder) {
    return sql.preparedQuery(
            "select count(*) as n from booking"
                + " where holder = $1 and status = 'BOOKED' and upper(period) > now()")
        .execute(Tuple.of(holder))
        .map(rows -> rows.iterator().next().getLong("n").intValue());
  }

  /** Books the slot; the exclusion constraint refuses it if the counsellor is taken then. */
  Uni<Booked> insert(
      SqlClient sql,
      UUID id,
      UUID slotId,
      String holder,
      UUID personId,
      byte[] contact,
      byte[] codeHash) {
    return sql.preparedQuery(
            "insert into booking (id, slot_id, centre_id, counsellor, period, format, status,"
                + " holder, person_id, contact, cancel_code_hash)"
                + " select $1, s.id, s.centre_id, s.counsellor, s.period, s.format, 'BOOKED',"
                + " $3, $4, $5, $6 from slot s where s.id = $2")
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id, slotId, holder, personId, Sql.bytes(contact), Sql.bytes(codeHash))))
        .chain(() -> load(sql, id, false))
        .map(Optional::orElseThrow);
  }

  Uni<Optional<Booked>> load(SqlClient sql, UUID id, boolean forUpdate) {
    return sql.preparedQuery(
            "select " + COLUMNS + " where b.id = $1" + (forUpdate ? " for update of b" : ""))
        .execute(Tuple.of(id))
        .map(Sql.first(BookingRepository::toBooked));
  }

  /** Cancels the booking; its contact is no longer needed: the ciphertext and its key go. */
  Uni<Booked> cancel(SqlClient sql, UUID id) {
    return sql.preparedQuery(
            "with b as (update booking set status = 'CANCELLED', cancelled_at = now(),"
                + " contact = null where id = $1 returning person_id)"
                + " update person set wrapped_key = null, erased_at = now()"
                + " where id = (select person_id from b) and wrapped_key is not null")
        .execute(Tuple.of(id))
        .chain(() -> load(sql, id, false))
        .map(Optional::orElseThrow);
  }

  /** Marks the reminders due for bookings starting within {@code ahead}; returns them. */
  Uni<List<Booked>> takeDueReminders(SqlClient sql, Duration ahead, int limit) {
    return sql.preparedQuery(
            "with due as (update booking set reminder_due_at = now() where id in ("
                + " select id from booking where status = 'BOOKED' and reminder_due_at is null"
                + " and lower(period) > now() and lower(period) <= now() + $1::bigint * interval '1 second'"
                + " order by lower(period) limit $2 for update skip locked) returning id)"
                + " select "
                + COLUMNS
                + " where b.id in (select id from due)")
        .execute(Tuple.of(ahead.toSeconds(), limit))
        .map(Sql.all(BookingRepository::toBooked));
  }

  /**
   * Erases the contacts of up to {@code limit} bookings whose appointment ended before the cutoff:
   * the ciphertext and the key of its person row. Returns how many.
   */
  Uni<Integer> eraseContactsEndedBefore(SqlClient sql, OffsetDateTime cutoff, int limit) {
    return sql.preparedQuery(
            "with b as (update booking set contact = null where id in (select id from booking"
                + " where contact is not null and upper(period) < $1 limit $2"
                + " for update skip locked) returning person_id)"
                + " update person set wrapped_key = null, erased_at = now()"
                + " where id in (select person_id from b) and wrapped_key is not null")
        .execute(Tuple.of(cutoff, limit))
        .map(rows -> rows.rowCount());
  }

  static Booked toBooked(Row r) {
    return new Booked(
        r.getUUID("id"),
        r.getUUID("slot_id"),
        r.getUUID("centre_id"),
        r.getString("district"),
        r.getOffsetDateTime("starts").withOffsetSameInstant(ZoneOffset.UTC),
        r.getOffsetDateTime("ends").withOffsetSameInstant(ZoneOffset.UTC),
        r.getString("format"),
        r.getString("status"),
        r.getString("holder"),
        Sql.bytes(r, "cancel_code_hash"),
        r.getOffsetDateTime("booked_at").withOffsetSameInstant(ZoneOffset.UTC),
        r.getOffsetDateTime("cancelled_at") == null
            ? null
            : r.getOffsetDateTime("cancelled_at").withOffsetSameInstant(ZoneOffset.UTC));
  }
}

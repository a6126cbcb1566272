package org.lernstadt.catalogue.enrolment.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.lernstadt.catalogue.enrolment.domain.EnrolableOffer;
import org.lernstadt.catalogue.enrolment.domain.EnrolmentStatus;
import org.lernstadt.catalogue.enrolment.domain.Tally;
import org.lernstadt.catalogue.enrolment.mapping.EnrolmentRows;
import org.lernstadt.catalogue.enrolment.mapping.EnrolmentView;
import org.lernstadt.catalogue.enrolment.mapping.ParticipantView;

/**
 * SQL of enrolments and of the per-offer tally, run on the caller's connection and transaction.
 *
 * <p>Lock order, the same in every write so that they cannot deadlock: the offer row ({@code FOR
 * SHARE}: its capacity and status cannot change meanwhile, concurrent enrolments still proceed),
 * then the offer's tally row ({@code FOR UPDATE} or an update: enrolments of one offer run one
 * after the other from here), then enrolment rows.
 */
@ApplicationScoped
public class EnrolmentRepository {

  /** The counts of the offer's group after a statement, plus how many moved up. */
  public record Promotion(Tally tally, int movedUp) {}

  private static final String OFFER_COLUMNS =
      "o.id, o.provider_id, o.external_id, o.status, o.capacity, o.district_codes, o.life_phases";

  private static final String LOCK_OFFER =
      "select " + OFFER_COLUMNS + " from offer o where o.id = $1 for share";

  private static final String OFFER_OF_PROVIDER =
      "select "
          + OFFER_COLUMNS
          + " from offer o join provider p on p.id = o.provider_id"
          + " where p.key = $1 and o.external_id = $2";

  private static final String TALLY_COLUMNS = "capacity, enrolled, waitlisted";

  /**
   * Creates or locks the offer's tally and brings its capacity to the offer's: never below the
   * number enrolled, so a lowered capacity takes nobody's place but admits nobody new.
   */
  private static final String LOCK_TALLY_FOR_ENROLMENT =
      "insert into enrolment_tally as t (offer_id, capacity) values ($1, $2)"
          + " on conflict (offer_id) do update"
          + " set capacity = greatest(excluded.capacity, t.enrolled), updated_at = now()"
          + " returning "
          + TALLY_COLUMNS;

  private static final String LOCK_TALLY =
      "select " + TALLY_COLUMNS + " from enrolment_tally where offer_id = $1 for update";

  /** Takes a place only if one is free; the CHECK on the table refuses anything else. */
  private static final String TAKE_PLACE =
      "update enrolment_tally set enrolled = enrolled + 1, updated_at = now()"
          + " where offer_id = $1 and enrolled < capacity returning "
          + TALLY_COLUMNS;

  private static final String JOIN_WAITLIST =
      "update enrolment_tally set waitlisted = waitlisted + 1, updated_at = now()"
          + " where offer_id = $1 returning "
          + TALLY_COLUMNS;

  /** Frees a place; the capacity follows the offer's (null: no places any more). */
  private static final String RELEASE_PLACE =
      "update enrolment_tally set enrolled = enrolled - 1,"
          + " capacity = greatest(coalesce($2, 0), enrolled - 1), updated_at = now()"
          + " where offer_id = $1 returning "
          + TALLY_COLUMNS;

  private static final String LEAVE_WAITLIST =
      "update enrolment_tally set waitlisted = waitlisted - 1, updated_at = now()"
          + " where offer_id = $1 returning "
          + TALLY_COLUMNS;

  /** The first {@code $2} on the waiting list take the free places, in arrival order. */
  private static final String PROMOTE =
      "with moved as ("
          + " update enrolment e set status = 'ENROLLED', enrolled_at = now()"
          + " where e.id in (select w.id from enrolment w"
          + " where w.offer_id = $1 and w.status = 'WAITLISTED' order by w.seq limit $2)"
          + " returning e.id)"
          + " update enrolment_tally t set enrolled = t.enrolled + m.n,"
          + " waitlisted = t.waitlisted - m.n, updated_at = now()"
          + " from (select count(*)::int as n from moved) m where t.offer_id = $1"
          + " returning t.capacity, t.enrolled, t.waitlisted, m.n";

  private static final String INSERT =
      "insert into enrolment (id, offer_id, citizen, status, enrolled_at)"
          + " values ($1, $2, $3, $4, case when $4 = 'ENROLLED' then now() end)";

  private static final String CANCEL =
      "update enrolment set status = 'CANCELLED', cancelled_at = now() where id = $1";

  /** An enrolment with its place on the waiting list, computed at read time. */
  private static final String VIEW =
      "select e.id, e.offer_id, e.status, e.requested_at, e.enrolled_at, e.cancelled_at,"
          + " case when e.status = 'WAITLISTED' then (select count(*) from enrolment w"
          + " where w.offer_id = e.offer_id and w.status = 'WAITLISTED' and w.seq <= e.seq)"
          + " end as position"
          + " from enrolment e";

  private static final String ACTIVE =
      VIEW + " where e.offer_id = $1 and e.citizen = $2 and e.status in ('ENROLLED', 'WAITLISTED')";

  /** The active enrolment, or else the latest cancelled one. */
  private static final String LATEST =
      VIEW
          + " where e.offer_id = $1 and e.citizen = $2"
          + " order by (e.status <> 'CANCELLED') desc, e.seq desc limit 1";

  private static final String BY_ID = VIEW + " where e.id = $1 and e.citizen = $2";

  private static final String BY_ID_ONLY = VIEW + " where e.id = $1";

  private static final String OFFER_OF_ENROLMENT =
      "select offer_id from enrolment where id = $1 and citizen = $2";

  /** Enrolled first, then the waiting list in its order; keyset on (rank, seq). */
  private static final String PARTICIPANTS =
      "select * from ("
          + " select e.id, e.citizen, e.status, e.seq, e.requested_at, e.enrolled_at,"
          + " case when e.status = 'ENROLLED' then 0 else 1 end as rank,"
          + " case when e.status = 'WAITLISTED'"
          + " then row_number() over (partition by e.status order by e.seq) end as position"
          + " from enrolment e where e.offer_id = $1 and e.status in ('ENROLLED', 'WAITLISTED')"
          + ") p where (p.rank, p.seq) > ($2, $3) order by p.rank, p.seq limit $4";

  private static final String COUNTS =
      "select count(*) filter (where status = 'ENROLLED') as enrolled,"
          + " count(*) filter (where status = 'WAITLISTED') as waitlisted,"
          + " count(*) filter (where status = 'CANCELLED') as cancelled"
          + " from enrolment where offer_id = $1";

  @Inject Pool pool;

  public Pool pool() {
    return pool;
  }

  /** The offer under a share lock, or empty if there is none with this id. */
  public Uni<Optional<EnrolableOffer>> lockOffer(SqlConnection conn, UUID offerId) {
    return conn.preparedQuery(LOCK_OFFER)
        .execute(Tuple.of(offerId))
        .map(first(EnrolmentRows::toOffer));
  }

  /** The provider's offer with this external id, or empty. */
  public Uni<Optional<EnrolableOffer>> offerOfProvider(
      SqlClient sql, String providerKey, String externalId) {
    return sql.preparedQuery(OFFER_OF_PROVIDER)
        .execute(Tuple.of(providerKey, externalId))
        .map(first(EnrolmentRows::toOffer));
  }

  /** Creates or locks the tally of an offer that takes enrolments, with its capacity. */
  public Uni<Tally> lockTallyForEnrolment(SqlConnection conn, UUID offerId, int capacity) {
    return conn.preparedQuery(LOCK_TALLY_FOR_ENROLMENT)
        .execute(Tuple.of(offerId, capacity))
        .map(rows -> EnrolmentRows.toTally(rows.iterator().next()));
  }

  /** Locks the offer's tally; empty if nobody ever enrolled. */
  public Uni<Optional<Tally>> lockTally(SqlConnection conn, UUID offerId) {
    return conn.preparedQuery(LOCK_TALLY)
        .execute(Tuple.of(offerId))
        .map(first(EnrolmentRows::toTally));
  }

  /** Takes a free place: the counts after, or empty if the group is full. */
  public Uni<Optional<Tally>> takePlace(SqlConnection conn, UUID offerId) {
    return conn.preparedQuery(TAKE_PLACE)
        .execute(Tuple.of(offerId))
        .map(first(EnrolmentRows::toTally));
  }

  public Uni<Tally> joinWaitlist(SqlConnection conn, UUID offerId) {
    return tallyAfter(conn.preparedQuery(JOIN_WAITLIST).execute(Tuple.of(offerId)));
  }

  /**
   * Frees a place.
   *
   * @param capacity the offer's capacity now, null if it takes no enrolments any more
   */
  public Uni<Tally> releasePlace(SqlConnection conn, UUID offerId, Integer capacity) {
    return tallyAfter(
        conn.preparedQuery(RELEASE_PLACE).execute(Tuple.tuple(Arrays.asList(offerId, capacity))));
  }

  public Uni<Tally> leaveWaitlist(SqlConnection conn, UUID offerId) {
    return tallyAfter(conn.preparedQuery(LEAVE_WAITLIST).execute(Tuple.of(offerId)));
  }

  /** Moves up to {@code places} of the waiting list to ENROLLED, first come first served. */
  public Uni<Promotion> promote(SqlConnection conn, UUID offerId, int places) {
    return conn.preparedQuery(PROMOTE)
        .execute(Tuple.of(offerId, places))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new Promotion(EnrolmentRows.toTally(row), row.getInteger("n"));
            });
  }

  public Uni<Void> insert(
      SqlConnection conn, UUID id, UUID offerId, String citizen, EnrolmentStatus status) {
    return conn.preparedQuery(INSERT)
        .execute(Tuple.of(id, offerId, citizen, status.name()))
        .replaceWithVoid();
  }

  public Uni<Void> cancel(SqlConnection conn, UUID id) {
    return conn.preparedQuery(CANCEL).execute(Tuple.of(id)).replaceWithVoid();
  }

  /** The citizen's active enrolment in the offer, or empty. */
  public Uni<Optional<EnrolmentView>> active(SqlClient sql, UUID offerId, String citizen) {
    return sql.preparedQuery(ACTIVE)
        .execute(Tuple.of(offerId, citizen))
        .map(first(EnrolmentRows::toView));
  }

  /** The citizen's active enrolment in the offer, else the latest cancelled one, or empty. */
  public Uni<Optional<EnrolmentView>> latest(SqlClient sql, UUID offerId, String citizen) {
    return sql.preparedQuery(LATEST)
        .execute(Tuple.of(offerId, citizen))
        .map(first(EnrolmentRows::toView));
  }

  /** The enrolment if it is the citizen's own, or empty. */
  public Uni<Optional<EnrolmentView>> byId(SqlClient sql, UUID id, String citizen) {
    return sql.preparedQuery(BY_ID)
        .execute(Tuple.of(id, citizen))
        .map(first(EnrolmentRows::toView));
  }

  public Uni<EnrolmentView> load(SqlClient sql, UUID id) {
    return sql.preparedQuery(BY_ID_ONLY)
        .execute(Tuple.of(id))
        .map(rows -> EnrolmentRows.toView(rows.iterator().next()));
  }

  /** The offer of the citizen's own enrolment, or empty if it is not theirs or does not exist. */
  public Uni<Optional<UUID>> offerOf(SqlClient sql, UUID enrolmentId, String citizen) {
    return sql.preparedQuery(OFFER_OF_ENROLMENT)
        .execute(Tuple.of(enrolmentId, citizen))
        .map(first(row -> row.getUUID("offer_id")));
  }

  /** Counts of the offer's enrolments by status: enrolled, waitlisted, cancelled. */
  public Uni<int[]> counts(SqlClient sql, UUID offerId) {
    return sql.preparedQuery(COUNTS)
        .execute(Tuple.of(offerId))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new int[] {
                row.getLong("enrolled").intValue(),
                row.getLong("waitlisted").intValue(),
                row.getLong("cancelled").intValue()
              };
            });
  }

  /**
   * One page of the offer's active participants after the position {@code (rank, seq)}; fetches
   * {@code fetch} rows.
   */
  public Uni<List<Participant>> participants(
      SqlClient sql, UUID offerId, int afterRank, long afterSeq, int fetch) {
    return sql.preparedQuery(PARTICIPANTS)
        .execute(Tuple.of(offerId, afterRank, afterSeq, fetch))
        .map(
            rows -> {
              List<Participant> page = new ArrayList<>();
              for (Row row : rows) {
                page.add(
                    new Participant(
                        EnrolmentRows.toParticipant(row),
                        row.getInteger("rank"),
                        row.getLong("seq")));
              }
              return page;
            });
  }

  /** A participant with its keyset position. */
  public record Participant(ParticipantView view, int rank, long seq) {}

  private static Uni<Tally> tallyAfter(Uni<RowSet<Row>> update) {
    return update.map(rows -> EnrolmentRows.toTally(rows.iterator().next()));
  }

  private static <T> Function<RowSet<Row>, Optional<T>> first(Function<Row, T> map) {
    return rows ->
        rows.size() == 0 ? Optional.empty() : Optional.of(map.apply(rows.iterator().next()));
  }
}

package org.lernstadt.catalogue.offer.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lernstadt.catalogue.offer.domain.OfferContent;
import org.lernstadt.catalogue.offer.domain.OfferStatus;
import org.lernstadt.catalogue.offer.mapping.OfferRows;
import org.lernstadt.catalogue.offer.mapping.OfferView;
import org.lernstadt.catalogue.offer.rest.OfferPush;
import org.lernstadt.platform.web.PageRequest;

/** SQL of offers and their sessions, run on the caller's connection and transaction. */
@ApplicationScoped
public class OfferRepository {

  /** What a write needs to know of the stored offer, read under a row lock. */
  public record Stored(
      UUID id, long version, OfferStatus status, String contentHash, String content) {}

  private static final String ID_OF =
      "select id from offer where provider_id = $1 and external_id = $2";

  private static final String PROVIDER_BY_KEY = "select id from provider where key = $1";

  private static final String LOCK =
      "select id, version, status, content::text, content_hash from offer"
          + " where provider_id = $1 and external_id = $2 for update";

  private static final String INSERT =
      "insert into offer (id, provider_id, external_id, title, description, topics, sdgs,"
          + " target_groups, life_phases, languages, modality, cost_kind, fee_cents,"
          + " reduced_fee_terms, accessibility, registration_url, capacity, certificate, status,"
          + " content, content_hash, version)"
          + " values ($1, $2, $3, $4, $5, $6, $7::smallint[], $8, $9, $10, $11, $12, $13, $14,"
          + " $15, $16, $17, $18, $19, cast($20::text as jsonb), $21, 1)";

  private static final String UPDATE =
      "update offer set title = $2, description = $3, topics = $4, sdgs = $5::smallint[],"
          + " target_groups = $6, life_phases = $7, languages = $8, modality = $9,"
          + " cost_kind = $10, fee_cents = $11, reduced_fee_terms = $12, accessibility = $13,"
          + " registration_url = $14, capacity = $15, certificate = $16, status = $17,"
          + " content = cast($18::text as jsonb), content_hash = $19, version = version + 1,"
          + " updated_at = now() where id = $1";

  private static final String DELETE_SESSIONS = "delete from offer_session where offer_id = $1";

  /**
   * A session takes its point from its learning place unless it has one, and its district from that
   * point.
   */
  private static final String INSERT_SESSION =
      "insert into offer_session (id, offer_id, starts_at, ends_at, learning_place_id, address,"
          + " latitude, longitude, district_code, online_url)"
          + " select $1, $2, $3, $4, $5, $6, p.lat, p.lon,"
          + " (select d.code from district d where d.boundary @> point(p.lon, p.lat)"
          + " order by d.code limit 1), $9"
          + " from (select coalesce($7, lp.latitude) as lat, coalesce($8, lp.longitude) as lon"
          + " from (select 1) one left join learning_place lp on lp.id = $5) p";

  private static final String REFRESH_DERIVED =
      "update offer o set first_start = s.first_start, last_end = s.last_end,"
          + " district_codes = s.districts"
          + " from (select min(starts_at) as first_start, max(ends_at) as last_end,"
          + " coalesce(array_agg(distinct district_code) filter (where district_code is not null),"
          + " '{}') as districts from offer_session where offer_id = $1) s where o.id = $1";

  private static final String EXISTING_PLACES =
      "select id from learning_place where id = any($1::uuid[])";

  private static final String SET_STATUS =
      "update offer set status = $2, version = version + 1, updated_at = now() where id = $1";

  private static final String ARCHIVE_ENDED =
      "update offer set status = 'ARCHIVED', version = version + 1, updated_at = now()"
          + " where id in (select id from offer where status in ('PUBLISHED', 'CANCELLED')"
          + " and last_end < now() order by last_end limit $1 for update skip locked)"
          + " returning id";

  private static final String SELECT_OFFER = "select * from offer where id = $1";

  private static final String SELECT_SESSIONS =
      "select * from offer_session where offer_id = $1 order by starts_at, id";

  private static final String LIST_FOR_PROVIDER =
      "select * from offer where provider_id = $1 and external_id > $2"
          + " order by external_id limit $3";

  private static final String SESSIONS_OF =
      "select * from offer_session where offer_id = any($1::uuid[]) order by starts_at, id";

  @Inject Pool pool;

  public Pool pool() {
    return pool;
  }

  public Uni<Optional<UUID>> providerIdByKey(SqlClient sql, String key) {
    return sql.preparedQuery(PROVIDER_BY_KEY)
        .execute(Tuple.of(key))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public Uni<Optional<UUID>> idOf(SqlClient sql, UUID providerId, String externalId) {
    return sql.preparedQuery(ID_OF)
        .execute(Tuple.of(providerId, externalId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getUUID(0)));
  }

  public Uni<Optional<Stored>> lock(SqlConnection conn, UUID providerId, String externalId) {
    return conn.preparedQuery(LOCK)
        .execute(Tuple.of(providerId, externalId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row r = rows.iterator().next();
              return Optional.of(
                  new Stored(
                      r.getUUID(0),
                      r.getLong(1),
                      OfferStatus.valueOf(r.getString(2)),
                      r.getString(4),
                      r.getString(3)));
            });
  }

  /** The learning places among {@code ids} that exist. */
  public Uni<Set<UUID>> existingPlaces(SqlClient sql, Set<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    return sql.preparedQuery(EXISTING_PLACES)
        .execute(Tuple.of(ids.toArray(UUID[]::new)))
        .map(
            rows -> {
              Set<UUID> found = new HashSet<>();
              rows.forEach(r -> found.add(r.getUUID(0)));
              return found;
            });
  }

  public Uni<Void> insert(
      SqlConnection conn,
      UUID id,
      UUID providerId,
      String externalId,
      OfferPush push,
      OfferContent content) {
    List<Object> values = new ArrayList<>();
    values.add(id);
    values.add(providerId);
    values.add(externalId);
    values.addAll(columns(push));
    values.add(content.serialised());
    values.add(content.hash());
    return conn.preparedQuery(INSERT)
        .execute(Tuple.tuple(values))
        .chain(() -> replaceSessions(conn, id, push.sessions()));
  }

  public Uni<Void> update(SqlConnection conn, UUID id, OfferPush push, OfferContent content) {
    List<Object> values = new ArrayList<>();
    values.add(id);
    values.addAll(columns(push));
    values.add(content.serialised());
    values.add(content.hash());
    return conn.preparedQuery(UPDATE)
        .execute(Tuple.tuple(values))
        .chain(() -> replaceSessions(conn, id, push.sessions()));
  }

  public Uni<Void> setStatus(SqlConnection conn, UUID id, OfferStatus status) {
    return conn.preparedQuery(SET_STATUS).execute(Tuple.of(id, status.name())).replaceWithVoid();
  }

  /** Archives up to {@code limit} offers whose last date has passed; returns their ids. */
  public Uni<List<UUID>> archiveEnded(SqlConnection conn, int limit) {
    return conn.preparedQuery(ARCHIVE_ENDED)
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<UUID> ids = new ArrayList<>();
              rows.forEach(r -> ids.add(r.getUUID(0)));
              return ids;
            });
  }

  public Uni<OfferView> load(SqlClient sql, UUID id) {
    return sql.preparedQuery(SELECT_OFFER)
        .execute(Tuple.of(id))
        .chain(
            offers ->
                sql.preparedQuery(SELECT_SESSIONS)
                    .execute(Tuple.of(id))
                    .map(sessions -> OfferRows.toView(offers.iterator().next(), sessions)));
  }

  /** The offer with its sessions, or empty if there is none with this id. */
  public Uni<Optional<OfferView>> find(SqlClient sql, UUID id) {
    return sql.preparedQuery(SELECT_OFFER)
        .execute(Tuple.of(id))
        .chain(
            offers ->
                offers.size() == 0
                    ? Uni.createFrom().item(Optional.<OfferView>empty())
                    : sql.preparedQuery(SELECT_SESSIONS)
                        .execute(Tuple.of(id))
                        .map(
                            sessions ->
                                Optional.of(OfferRows.toView(offers.iterator().next(), sessions))));
  }

  /** One page of the provider's offers, ordered by external id. */
  public Uni<List<OfferView>> listForProvider(UUID providerId, PageRequest page) {
    String after = page.after() == null ? "" : page.after().key(0);
    return pool.preparedQuery(LIST_FOR_PROVIDER)
        .execute(Tuple.of(providerId, after, page.fetchSize()))
        .chain(
            offers -> {
              List<Row> rows = new ArrayList<>();
              offers.forEach(rows::add);
              UUID[] ids = rows.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
              return pool.preparedQuery(SESSIONS_OF)
                  .execute(Tuple.of(ids))
                  .map(
                      sessions -> {
                        List<Row> all = new ArrayList<>();
                        sessions.forEach(all::add);
                        return rows.stream()
                            .map(
                                offer ->
                                    OfferRows.toView(
                                        offer,
                                        all.stream()
                                            .filter(
                                                s ->
                                                    s.getUUID("offer_id")
                                                        .equals(offer.getUUID("id")))
                                            .toList()))
                            .toList();
                      });
            });
  }

  private Uni<Void> replaceSessions(
      SqlConnection conn, UUID offerId, List<OfferPush.Session> sessions) {
    Uni<Void> cleared =
        conn.preparedQuery(DELETE_SESSIONS).execute(Tuple.of(offerId)).replaceWithVoid();
    if (sessions.isEmpty()) {
      return cleared.chain(() -> refreshDerived(conn, offerId));
    }
    List<Tuple> rows = new ArrayList<>(sessions.size());
    for (OfferPush.Session s : sessions) {
      rows.add(
          Tuple.tuple(
              java.util.Arrays.asList(
                  UUID.randomUUID(),
                  offerId,
                  s.start(),
                  s.end(),
                  s.learningPlaceId(),
                  s.address(),
                  s.location() == null ? null : s.location().lat(),
                  s.location() == null ? null : s.location().lon(),
                  s.onlineUrl())));
    }
    return cleared
        .chain(() -> conn.preparedQuery(INSERT_SESSION).executeBatch(rows))
        .chain(() -> refreshDerived(conn, offerId));
  }

  private Uni<Void> refreshDerived(SqlConnection conn, UUID offerId) {
    return conn.preparedQuery(REFRESH_DERIVED).execute(Tuple.of(offerId)).replaceWithVoid();
  }

  private static List<Object> columns(OfferPush push) {
    List<Object> values = new ArrayList<>();
    values.add(push.title());
    values.add(push.description() == null ? "" : push.description());
    values.add(names(push.topics()));
    values.add(
        push.sdgs() == null
            ? new Integer[0]
            : push.sdgs().stream().sorted().toArray(Integer[]::new));
    values.add(names(push.targetGroups()));
    values.add(names(push.lifePhases()));
    values.add(
        push.languages() == null
            ? new String[0]
            : push.languages().stream().sorted().toArray(String[]::new));
    values.add(push.modality().name());
    values.add(push.cost().kind().name());
    values.add(push.cost().feeCents());
    values.add(push.cost().reducedFeeTerms());
    values.add(names(push.accessibility()));
    values.add(push.registrationUrl());
    values.add(push.capacity());
    values.add(push.certificate());
    values.add(push.status().name());
    return values;
  }

  private static String[] names(Set<? extends Enum<?>> values) {
    return values == null
        ? new String[0]
        : values.stream().map(Enum::name).sorted().toArray(String[]::new);
  }
}

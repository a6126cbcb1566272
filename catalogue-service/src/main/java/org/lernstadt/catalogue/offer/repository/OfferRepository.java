package org.lernstadt.catalogue.offer.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /** Locked in external id order, so concurrent pushes of overlapping sets cannot deadlock. */
  private static final String LOCK_ALL =
      "select id, external_id, version, status, content::text, content_hash from offer"
          + " where provider_id = $1 and external_id = any($2::text[])"
          + " order by external_id for update";

  /**
   * The columns a push writes after the offer's keys, in the order of {@link Columns}, with the
   * type of the array each is sent in and the cast of one element of it: a chunk of offers is
   * written by one statement over arrays of its columns, and PostgreSQL has no arrays of arrays of
   * different lengths, so the offers' own lists travel as array literals, one per offer.
   */
  private static final String[][] CONTENT_COLUMNS = {
    {"title", "text[]", ""},
    {"description", "text[]", ""},
    {"topics", "text[]", "::text[]"},
    {"sdgs", "text[]", "::smallint[]"},
    {"target_groups", "text[]", "::text[]"},
    {"life_phases", "text[]", "::text[]"},
    {"languages", "text[]", "::text[]"},
    {"modality", "text[]", ""},
    {"cost_kind", "text[]", ""},
    {"fee_cents", "int4[]", ""},
    {"reduced_fee_terms", "text[]", ""},
    {"accessibility", "text[]", "::text[]"},
    {"registration_url", "text[]", ""},
    {"capacity", "int4[]", ""},
    {"certificate", "text[]", ""},
    {"status", "text[]", ""},
    {"first_start", "timestamptz[]", ""},
    {"last_end", "timestamptz[]", ""},
    {"district_codes", "text[]", "::text[]"},
    {"min_lat", "float8[]", ""},
    {"max_lat", "float8[]", ""},
    {"min_lon", "float8[]", ""},
    {"max_lon", "float8[]", ""},
    {"content", "text[]", "::jsonb"},
    {"content_hash", "text[]", ""},
  };

  /** What the database sets on an offer it writes, returned instead of reading the offer again. */
  private static final String WRITTEN =
      "o.id, o.version, o.first_start, o.last_end, o.created_at, o.updated_at";

  /** New offers of one provider ($2): ids $1, external ids $3, then the content columns. */
  private static final String INSERT =
      "insert into offer as o (id, provider_id, external_id, "
          + columnList("")
          + ", version) select t.id, $2, t.external_id, "
          + columnList("t.", true)
          + ", 1 from unnest($1::uuid[], $3::text[], "
          + params(4)
          + ") as t(id, external_id, "
          + columnList("")
          + ") returning "
          + WRITTEN;

  /** New versions of offers: ids $1, then the content columns. */
  private static final String UPDATE =
      "update offer o set "
          + String.join(
              ", ", Arrays.stream(CONTENT_COLUMNS).map(c -> c[0] + " = t." + c[0] + c[2]).toList())
          + ", version = o.version + 1, updated_at = now() from unnest($1::uuid[], "
          + params(2)
          + ") as t(id, "
          + columnList("")
          + ") where o.id = t.id returning "
          + WRITTEN;

  /**
   * Lets the statements of a write use cached generic plans: the connections plan every statement
   * with its parameters for the search's sake (application.properties), which for a write meant
   * planning each foreign-key check of every row again.
   */
  private static final String GENERIC_PLANS = "set local plan_cache_mode = auto";

  private static final String DELETE_SESSIONS =
      "delete from offer_session where offer_id = any($1::uuid[])";

  /**
   * The point of each session (its own, else its learning place's) and the district of that point,
   * in the order given: worked out before the offers are written, so that each offer row is written
   * once with its dates and districts (a later update would write every index and the full-text
   * column a second time).
   */
  private static final String LOCATE_SESSIONS =
      "select p.lat, p.lon, district_at(p.lat, p.lon)"
          + " from unnest($1::uuid[], $2::float8[], $3::float8[]) with ordinality"
          + " as s(place_id, lat, lon, i)"
          + " left join learning_place lp on lp.id = s.place_id"
          + " cross join lateral (select coalesce(s.lat, lp.latitude) as lat,"
          + " coalesce(s.lon, lp.longitude) as lon) p order by s.i";

  /** Every session of a push in one statement. */
  private static final String INSERT_SESSIONS =
      "insert into offer_session (id, offer_id, starts_at, ends_at, learning_place_id, address,"
          + " latitude, longitude, district_code, online_url)"
          + " select * from unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[],"
          + " $5::uuid[], $6::text[], $7::float8[], $8::float8[], $9::text[], $10::text[])"
          + " returning id, starts_at, ends_at";

  private static final String EXISTING_PLACES =
      "select id from learning_place where id = any($1::uuid[])";

  private static final String SET_STATUS =
      "update offer set status = $2, version = version + 1, updated_at = now() where id = $1";

  private static final String ARCHIVE_ENDED =
      "update offer set status = 'ARCHIVED', version = version + 1, updated_at = now()"
          + " where id in (select id from offer where status in ('PUBLISHED', 'CANCELLED')"
          + " and last_end < now() order by last_end limit $1 for update skip locked)"
          + " returning id";

  private static final String SELECT_OFFERS = "select * from offer where id = any($1::uuid[])";

  private static final String LIST_FOR_PROVIDER =
      "select * from offer where provider_id = $1 and external_id > $2"
          + " order by external_id limit $3";

  private static final String SESSIONS_OF =
      "select * from offer_session where offer_id = any($1::uuid[]) order by starts_at, id";

  @Inject Pool pool;

  public Pool pool() {
    return pool;
  }

  /** Runs {@code work} in a transaction of its own that writes offers. */
  public <T> Uni<T> inWriteTransaction(java.util.function.Function<SqlConnection, Uni<T>> work) {
    return pool.withTransaction(
        conn -> conn.query(GENERIC_PLANS).execute().chain(() -> work.apply(conn)));
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

  /** The stored offers among {@code externalIds} of the provider, locked, by external id. */
  public Uni<Map<String, Stored>> lockAll(
      SqlConnection conn, UUID providerId, Collection<String> externalIds) {
    return conn.preparedQuery(LOCK_ALL)
        .execute(Tuple.of(providerId, externalIds.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, Stored> stored = new HashMap<>();
              for (Row r : rows) {
                stored.put(
                    r.getString(1),
                    new Stored(
                        r.getUUID(0),
                        r.getLong(2),
                        OfferStatus.valueOf(r.getString(3)),
                        r.getString(5),
                        r.getString(4)));
              }
              return stored;
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

  /** Content to store under an offer id: a new offer of the provider, or a new version. */
  public record Write(UUID id, String externalId, OfferPush push, OfferContent content) {}

  /**
   * Inserts new offers of one provider with their sessions, one statement for all; returns them as
   * stored, by id.
   */
  public Uni<Map<UUID, OfferView>> insertAll(
      SqlConnection conn, UUID providerId, List<Write> writes) {
    return writeAll(
        conn,
        INSERT,
        providerId,
        writes,
        List.of(
            writes.stream().map(Write::id).toArray(UUID[]::new),
            providerId,
            writes.stream().map(Write::externalId).toArray(String[]::new)),
        false);
  }

  /** Stores a new version of existing offers of the provider with their sessions; as insertAll. */
  public Uni<Map<UUID, OfferView>> updateAll(
      SqlConnection conn, UUID providerId, List<Write> writes) {
    return writeAll(
        conn,
        UPDATE,
        providerId,
        writes,
        List.of((Object) writes.stream().map(Write::id).toArray(UUID[]::new)),
        true);
  }

  /**
   * Runs {@code sql} with the {@code keys} parameters and the content columns of all writes,
   * including what is derived from the sessions and the content with its hash; then stores the
   * sessions, replacing the old ones if {@code replacing}. The views are made of what was sent and
   * what the statements returned, so the offers need not be read again.
   */
  private Uni<Map<UUID, OfferView>> writeAll(
      SqlConnection conn,
      String sql,
      UUID providerId,
      List<Write> writes,
      List<Object> keys,
      boolean replacing) {
    if (writes.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return locate(conn, writes)
        .chain(
            located -> {
              List<Columns> written = new ArrayList<>(writes.size());
              Object[][] columns = new Object[CONTENT_COLUMNS.length][writes.size()];
              int at = 0;
              for (int row = 0; row < writes.size(); row++) {
                Write w = writes.get(row);
                int dates = w.push().sessions().size();
                Columns offer = Columns.of(w, located.subList(at, at + dates));
                at += dates;
                written.add(offer);
                List<Object> values = offer.values();
                for (int c = 0; c < CONTENT_COLUMNS.length; c++) {
                  Object value = values.get(c);
                  columns[c][row] = value instanceof Object[] list ? arrayLiteral(list) : value;
                }
              }
              List<Object> params = new ArrayList<>(keys);
              for (int c = 0; c < CONTENT_COLUMNS.length; c++) {
                params.add(typed(CONTENT_COLUMNS[c][1], columns[c]));
              }
              UUID[] offerIds = writes.stream().map(Write::id).toArray(UUID[]::new);
              return conn.preparedQuery(sql)
                  .execute(Tuple.tuple(params))
                  .chain(
                      offers ->
                          (replacing
                                  ? conn.preparedQuery(DELETE_SESSIONS)
                                      .execute(Tuple.of(offerIds))
                                      .replaceWithVoid()
                                  : Uni.createFrom().voidItem())
                              .chain(() -> insertSessions(conn, writes, located))
                              .map(
                                  sessions ->
                                      views(providerId, writes, written, offers, sessions)));
            });
  }

  /**
   * The content columns of one offer as a write sends them, in the order of {@link
   * #CONTENT_COLUMNS}: the push's fields with their sets sorted, what its located sessions give
   * (dates, districts, box) and the canonical content with its hash.
   */
  private record Columns(
      String title,
      String description,
      String[] topics,
      Integer[] sdgs,
      String[] targetGroups,
      String[] lifePhases,
      String[] languages,
      String modality,
      String costKind,
      Integer feeCents,
      String reducedFeeTerms,
      String[] accessibility,
      String registrationUrl,
      Integer capacity,
      String certificate,
      String status,
      OffsetDateTime firstStart,
      OffsetDateTime lastEnd,
      String[] districts,
      Double minLat,
      Double maxLat,
      Double minLon,
      Double maxLon,
      String content,
      String contentHash) {

    /** The columns of the write, whose sessions were located at {@code places}, in their order. */
    static Columns of(Write w, List<Located> places) {
      OfferPush push = w.push();
      OffsetDateTime firstStart = null;
      OffsetDateTime lastEnd = null;
      java.util.TreeSet<String> districts = new java.util.TreeSet<>();
      Double minLat = null;
      Double maxLat = null;
      Double minLon = null;
      Double maxLon = null;
      for (int i = 0; i < push.sessions().size(); i++) {
        OfferPush.Session s = push.sessions().get(i);
        firstStart = firstStart == null || s.start().isBefore(firstStart) ? s.start() : firstStart;
        lastEnd = lastEnd == null || s.end().isAfter(lastEnd) ? s.end() : lastEnd;
        Located place = places.get(i);
        if (place.district() != null) {
          districts.add(place.district());
        }
        if (place.lat() != null) {
          minLat = minLat == null ? place.lat() : Math.min(minLat, place.lat());
          maxLat = maxLat == null ? place.lat() : Math.max(maxLat, place.lat());
          minLon = minLon == null ? place.lon() : Math.min(minLon, place.lon());
          maxLon = maxLon == null ? place.lon() : Math.max(maxLon, place.lon());
        }
      }
      return new Columns(
          push.title(),
          push.description() == null ? "" : push.description(),
          names(push.topics()),
          push.sdgs() == null
              ? new Integer[0]
              : push.sdgs().stream().sorted().toArray(Integer[]::new),
          names(push.targetGroups()),
          names(push.lifePhases()),
          push.languages() == null
              ? new String[0]
              : push.languages().stream().sorted().toArray(String[]::new),
          push.modality().name(),
          push.cost().kind().name(),
          push.cost().feeCents(),
          push.cost().reducedFeeTerms(),
          names(push.accessibility()),
          push.registrationUrl(),
          push.capacity(),
          push.certificate(),
          push.status().name(),
          firstStart,
          lastEnd,
          districts.toArray(String[]::new),
          minLat,
          maxLat,
          minLon,
          maxLon,
          w.content().serialised(),
          w.content().hash());
    }

    List<Object> values() {
      return Arrays.asList(
          title,
          description,
          topics,
          sdgs,
          targetGroups,
          lifePhases,
          languages,
          modality,
          costKind,
          feeCents,
          reducedFeeTerms,
          accessibility,
          registrationUrl,
          capacity,
          certificate,
          status,
          firstStart,
          lastEnd,
          districts,
          minLat,
          maxLat,
          minLon,
          maxLon,
          content,
          contentHash);
    }
  }

  /** The written offers as a later read would show them, by id. */
  private static Map<UUID, OfferView> views(
      UUID providerId,
      List<Write> writes,
      List<Columns> written,
      RowSet<Row> offers,
      Map<UUID, List<OfferView.SessionView>> sessions) {
    Map<UUID, Row> stored = new HashMap<>();
    offers.forEach(row -> stored.put(row.getUUID("id"), row));
    Map<UUID, OfferView> views = new HashMap<>();
    for (int i = 0; i < writes.size(); i++) {
      Write w = writes.get(i);
      Columns c = written.get(i);
      Row row = stored.get(w.id());
      views.put(
          w.id(),
          new OfferView(
              w.id(),
              providerId,
              w.externalId(),
              c.title(),
              c.description(),
              List.of(c.topics()),
              List.of(c.sdgs()),
              List.of(c.targetGroups()),
              List.of(c.lifePhases()),
              List.of(c.languages()),
              c.modality(),
              new OfferView.Cost(c.costKind(), c.feeCents(), c.reducedFeeTerms()),
              List.of(c.accessibility()),
              c.registrationUrl(),
              c.capacity(),
              c.certificate(),
              c.status(),
              row.getLong("version"),
              List.of(c.districts()),
              row.getOffsetDateTime("first_start"),
              row.getOffsetDateTime("last_end"),
              sessions.getOrDefault(w.id(), List.of()),
              row.getOffsetDateTime("created_at"),
              row.getOffsetDateTime("updated_at")));
    }
    return views;
  }

  /** Where a session takes place: its point and that point's district, both possibly null. */
  private record Located(Double lat, Double lon, String district) {}

  /** The point and district of every session of the writes, in their order. */
  private static Uni<List<Located>> locate(SqlConnection conn, List<Write> writes) {
    List<UUID> places = new ArrayList<>();
    List<Double> lats = new ArrayList<>();
    List<Double> lons = new ArrayList<>();
    for (Write w : writes) {
      for (OfferPush.Session s : w.push().sessions()) {
        places.add(s.learningPlaceId());
        lats.add(s.location() == null ? null : s.location().lat());
        lons.add(s.location() == null ? null : s.location().lon());
      }
    }
    if (places.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return conn.preparedQuery(LOCATE_SESSIONS)
        .execute(
            Tuple.of(
                places.toArray(UUID[]::new),
                lats.toArray(Double[]::new),
                lons.toArray(Double[]::new)))
        .map(
            rows -> {
              List<Located> located = new ArrayList<>(places.size());
              rows.forEach(
                  r -> located.add(new Located(r.getDouble(0), r.getDouble(1), r.getString(2))));
              return located;
            });
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
    return find(sql, id)
        .map(found -> found.orElseThrow(() -> new IllegalStateException("No offer " + id)));
  }

  /** The offer with its sessions, or empty if there is none with this id. */
  public Uni<Optional<OfferView>> find(SqlClient sql, UUID id) {
    return loadAll(sql, List.of(id)).map(views -> Optional.ofNullable(views.get(id)));
  }

  /** The offers with their sessions, by id; ids without an offer are absent. */
  public Uni<Map<UUID, OfferView>> loadAll(SqlClient sql, Collection<UUID> ids) {
    return sql.preparedQuery(SELECT_OFFERS)
        .execute(Tuple.of(ids.toArray(UUID[]::new)))
        .chain(offers -> withSessions(sql, offers))
        .map(
            views -> {
              Map<UUID, OfferView> byId = new HashMap<>();
              views.forEach(view -> byId.put(view.id(), view));
              return byId;
            });
  }

  /** One page of the provider's offers, ordered by external id. */
  public Uni<List<OfferView>> listForProvider(UUID providerId, PageRequest page) {
    String after = page.after() == null ? "" : page.after().key(0);
    return pool.preparedQuery(LIST_FOR_PROVIDER)
        .execute(Tuple.of(providerId, after, page.fetchSize()))
        .chain(offers -> withSessions(pool, offers));
  }

  /** The offers of {@code offerRows}, in their order, with their sessions read in one query. */
  private static Uni<List<OfferView>> withSessions(SqlClient sql, RowSet<Row> offerRows) {
    List<Row> rows = new ArrayList<>();
    offerRows.forEach(rows::add);
    if (rows.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    UUID[] ids = rows.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
    return sql.preparedQuery(SESSIONS_OF)
        .execute(Tuple.of(ids))
        .map(
            sessions -> {
              Map<UUID, List<Row>> byOffer = new HashMap<>();
              sessions.forEach(
                  s ->
                      byOffer
                          .computeIfAbsent(s.getUUID("offer_id"), k -> new ArrayList<>())
                          .add(s));
              return rows.stream()
                  .map(
                      offer ->
                          OfferRows.toView(
                              offer, byOffer.getOrDefault(offer.getUUID("id"), List.of())))
                  .toList();
            });
  }

  /**
   * Inserts the sessions of the writes, located, in one statement; returns them as stored, by
   * offer, in the order a read gives them (start, then id).
   */
  private static Uni<Map<UUID, List<OfferView.SessionView>>> insertSessions(
      SqlConnection conn, List<Write> writes, List<Located> located) {
    if (located.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    int n = located.size();
    UUID[] ids = new UUID[n];
    UUID[] owners = new UUID[n];
    OffsetDateTime[] starts = new OffsetDateTime[n];
    OffsetDateTime[] ends = new OffsetDateTime[n];
    UUID[] places = new UUID[n];
    String[] addresses = new String[n];
    Double[] lats = new Double[n];
    Double[] lons = new Double[n];
    String[] districts = new String[n];
    String[] urls = new String[n];
    Map<UUID, Integer> positions = new HashMap<>();
    int i = 0;
    for (Write w : writes) {
      for (OfferPush.Session s : w.push().sessions()) {
        Located at = located.get(i);
        ids[i] = UUID.randomUUID();
        positions.put(ids[i], i);
        owners[i] = w.id();
        starts[i] = s.start();
        ends[i] = s.end();
        places[i] = s.learningPlaceId();
        addresses[i] = s.address();
        lats[i] = at.lat();
        lons[i] = at.lon();
        districts[i] = at.district();
        urls[i] = s.onlineUrl();
        i++;
      }
    }
    return conn.preparedQuery(INSERT_SESSIONS)
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    ids, owners, starts, ends, places, addresses, lats, lons, districts, urls)))
        .map(
            rows -> {
              Map<UUID, List<OfferView.SessionView>> byOffer = new HashMap<>();
              for (Row row : rows) {
                int k = positions.get(row.getUUID("id"));
                byOffer
                    .computeIfAbsent(owners[k], offer -> new ArrayList<>())
                    .add(
                        new OfferView.SessionView(
                            ids[k],
                            row.getOffsetDateTime("starts_at"),
                            row.getOffsetDateTime("ends_at"),
                            places[k],
                            addresses[k],
                            lats[k] == null ? null : new OfferView.Location(lats[k], lons[k]),
                            districts[k],
                            urls[k]));
              }
              byOffer.values().forEach(dates -> dates.sort(SESSION_ORDER));
              return byOffer;
            });
  }

  /** The order of {@link #SESSIONS_OF}: start, then id as PostgreSQL compares uuids (bytewise). */
  private static final java.util.Comparator<OfferView.SessionView> SESSION_ORDER =
      java.util.Comparator.comparing(OfferView.SessionView::start)
          .thenComparing(
              OfferView.SessionView::id,
              (a, b) -> {
                int high =
                    Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0
                    ? high
                    : Long.compareUnsigned(
                        a.getLeastSignificantBits(), b.getLeastSignificantBits());
              });

  /** The content columns' names, each prefixed and, if {@code cast}, with its element's cast. */
  private static String columnList(String prefix, boolean cast) {
    return String.join(
        ", ", Arrays.stream(CONTENT_COLUMNS).map(c -> prefix + c[0] + (cast ? c[2] : "")).toList());
  }

  private static String columnList(String prefix) {
    return columnList(prefix, false);
  }

  /** Parameters {@code $first} onwards, one typed array per content column. */
  private static String params(int first) {
    List<String> params = new ArrayList<>();
    for (int c = 0; c < CONTENT_COLUMNS.length; c++) {
      params.add("$" + (first + c) + "::" + CONTENT_COLUMNS[c][1]);
    }
    return String.join(", ", params);
  }

  /** The values of one column as the Java array its SQL array type is sent from. */
  private static Object typed(String sqlType, Object[] values) {
    return switch (sqlType) {
      case "int4[]" -> Arrays.copyOf(values, values.length, Integer[].class);
      case "float8[]" -> Arrays.copyOf(values, values.length, Double[].class);
      case "timestamptz[]" -> Arrays.copyOf(values, values.length, OffsetDateTime[].class);
      default -> Arrays.copyOf(values, values.length, String[].class);
    };
  }

  /** A PostgreSQL array literal of the values, each quoted, so that any text stays one element. */
  static String arrayLiteral(Object[] values) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        literal.append(',');
      }
      literal.append('"');
      String value = String.valueOf(values[i]);
      for (int k = 0; k < value.length(); k++) {
        char ch = value.charAt(k);
        if (ch == '"' || ch == '\\') {
          literal.append('\\');
        }
        literal.append(ch);
      }
      literal.append('"');
    }
    return literal.append('}').toString();
  }

  private static String[] names(Set<? extends Enum<?>> values) {
    return values == null
        ? new String[0]
        : values.stream().map(Enum::name).sorted().toArray(String[]::new);
  }
}

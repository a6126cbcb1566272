package org.lernstadt.catalogue.offer.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.catalogue.offer.mapping.OfferCalendar;
import org.lernstadt.catalogue.offer.mapping.OfferMap;
import org.lernstadt.catalogue.offer.mapping.OfferRows;
import org.lernstadt.catalogue.offer.mapping.OfferSummary;
import org.lernstadt.catalogue.offer.mapping.OfferView;
import org.lernstadt.catalogue.offer.service.BoundingBox;
import org.lernstadt.catalogue.offer.service.OfferSearch;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Problem;
import org.lernstadt.platform.web.ProblemException;

/**
 * The public search as SQL on {@code offer_search}, the narrow copy of each offer that triggers
 * keep (see V7): full text on its weighted {@code search} column, array overlaps for the facets'
 * filters, {@code earthdistance} on the sessions for the radius, keyset pagination per sort order.
 */
@ApplicationScoped
public class OfferSearchRepository {

  /** Facet name → the column it counts; array columns are unnested. */
  private static final Map<String, String> FACETS =
      Map.of(
          "topic", "unnest(topics)",
          "lifePhase", "unnest(life_phases)",
          "targetGroup", "unnest(target_groups)",
          "district", "unnest(district_codes)",
          "modality", "modality",
          "cost", "cost_kind");

  /** Up to this many matches, counts and facets are exact. */
  @ConfigProperty(name = "lernstadt.catalogue.search.exact-count-limit", defaultValue = "1000")
  int exactCountLimit;

  /** About this many offers are read to estimate the counts of a broader search. */
  @ConfigProperty(name = "lernstadt.catalogue.search.count-sample-rows", defaultValue = "5000")
  int sampleRows;

  /** A fixed share of the table's pages to sample instead, in percent. */
  @ConfigProperty(name = "lernstadt.catalogue.search.count-sample-percent")
  Optional<Double> samplePercent;

  private static final String SAMPLE_PERCENT =
      "select least(100, 100.0 * $1 / greatest(reltuples, 1))::float8 from pg_class"
          + " where oid = 'offer_search'::regclass";

  /** Sessions read nearest-first for a page in distance order, at first and at most. */
  @ConfigProperty(name = "lernstadt.catalogue.search.nearest-candidates", defaultValue = "512")
  int firstCandidates;

  static final int MAX_CANDIDATES = 32_768;

  /** The map point of a page's offer: its first located date (looked up for the page only). */
  private static final String PAGE_POINT =
      ", (select array[s.latitude, s.longitude] from offer_session s"
          + " where s.offer_id = page.id and s.latitude is not null order by s.starts_at limit 1)"
          + " as point";

  /** The offers whose text holds the query's words (the full-text index serves it). */
  private static final String TEXT_MATCH = "o.search @@ q.query";

  /**
   * The same test as a plain function call ({@code @@}'s own function): checked on each row read,
   * but neither served by an index nor counted in the planner's estimate.
   */
  private static final String TEXT_MATCH_CHECKED = "ts_match_vq(o.search, q.query)";

  @Inject Pool pool;

  /** The facet counts ({@code total} under the key {@code ""} of facet "total"). */
  public record Counts(Map<String, Map<String, Long>> facets, boolean exact) {}

  public record Found(List<OfferSummary> items, List<Cursor> cursors) {}

  /** One page, fetched one row beyond the limit so the caller can tell whether more follow. */
  public Uni<Found> page(OfferSearch search, int fetchSize) {
    return switch (search.sort()) {
      case DISTANCE -> nearestFirst(search, fetchSize, firstCandidates);
      case RELEVANCE -> relevant(search, fetchSize);
      case DATE -> scan(search, fetchSize);
    };
  }

  /**
   * Relevance: first the offers whose title holds every word of the query, then those that hold
   * them only elsewhere (topics, description); soonest first within each, as in date order. A page
   * may reach from the first into the second; its cursor names the part, the date and the id. The
   * first part is read in date order from the date index until the page is full when the words are
   * in many titles (the planner knows how many from the title's own column), else from the title
   * index. The second is needed only when the first runs out, and is sorted after reading all its
   * matches.
   */
  private Uni<Found> relevant(OfferSearch search, int fetchSize) {
    Cursor cursor = search.after();
    int part;
    OffsetDateTime afterDate = null;
    UUID afterId = null;
    try {
      part = cursor == null ? 1 : Integer.parseInt(cursor.key(0));
      if (cursor != null) {
        afterDate = OffsetDateTime.parse(cursor.key(1));
        afterId = UUID.fromString(cursor.key(2));
      }
    } catch (RuntimeException e) {
      throw foreignCursor();
    }
    if (part != 1 && part != 2) {
      throw foreignCursor();
    }
    if (part == 2) {
      return relevantPart(search, 2, afterDate, afterId, fetchSize);
    }
    return relevantPart(search, 1, afterDate, afterId, fetchSize)
        .chain(
            inTitles ->
                inTitles.items().size() >= fetchSize
                    ? Uni.createFrom().item(inTitles)
                    : relevantPart(search, 2, null, null, fetchSize - inTitles.items().size())
                        .map(
                            elsewhere ->
                                new Found(
                                    concat(inTitles.items(), elsewhere.items()),
                                    concat(inTitles.cursors(), elsewhere.cursors()))));
  }

  /** Part 1 (the words in the title) or 2 (elsewhere only) of a relevance order, by date. */
  private Uni<Found> relevantPart(
      OfferSearch search, int part, OffsetDateTime afterDate, UUID afterId, int limit) {
    // The title's words are a part of the text's, so a title that holds them (the test the planner
    // estimates) almost always means a text that does; estimated together, the two looked like a
    // handful of rows and the planner read all of them instead of the date order. The text is
    // still checked: a query that excludes a word must not find it elsewhere.
    Query query = matching(search, false, part == 1 ? TEXT_MATCH_CHECKED : TEXT_MATCH);
    query.where.add(part == 1 ? "o.title_search @@ q.query" : "not o.title_search @@ q.query");
    if (afterDate != null) {
      query.where.add(
          "(coalesce(o.first_start, 'infinity'::timestamptz), o.id) > ("
              + query.param(afterDate)
              + "::timestamptz, "
              + query.param(afterId)
              + "::uuid)");
    }
    String pageDistance =
        search.near() == null
            ? ", null::float8 as distance"
            : ", " + distanceOf(query, search.near(), "page.id") + " as distance";
    // Part 2 is read whole and then sorted (OFFSET 0 keeps the planner from walking the date
    // index for it: it would guess the rows without the words in the title to be most matches,
    // and for a word in many titles read the whole index to find the few).
    String sql =
        "select page.*"
            + pageDistance
            + PAGE_POINT
            + " from (select * from (select o.id, o.provider_id, o.title, o.topics,"
            + " o.life_phases, o.target_groups, o.modality, o.cost_kind, o.district_codes,"
            + " o.first_start, o.last_end, "
            + part
            + " as part, coalesce(o.first_start, 'infinity'::timestamptz) as date_key"
            + query.from()
            + query.where()
            + (part == 2 ? " offset 0" : "")
            + ") found order by date_key, id limit "
            + query.param(limit)
            + ") page order by date_key, id";
    return found(sql, query, OfferSearch.Sort.RELEVANCE);
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  /**
   * The page of every match in date order, or in distance order (when the nearest sessions did not
   * fill it). Sorted by distance, each match's distance comes from its sessions; sorted by date, it
   * is looked up for the page's rows only.
   */
  private Uni<Found> scan(OfferSearch search, int fetchSize) {
    boolean byDistance = search.sort() == OfferSearch.Sort.DISTANCE;
    Query query = matching(search);
    String sortDistance =
        byDistance ? ", " + distanceOf(query, search.near(), "o.id") + " as distance" : "";
    String pageDistance =
        byDistance
            ? ""
            : search.near() == null
                ? ", null::float8 as distance"
                : ", " + distanceOf(query, search.near(), "page.id") + " as distance";
    String select =
        "select o.id, o.provider_id, o.title, o.topics, o.life_phases, o.target_groups,"
            + " o.modality, o.cost_kind, o.district_codes, o.first_start, o.last_end,"
            + " coalesce(o.first_start, 'infinity'::timestamptz) as date_key"
            + sortDistance
            + query.from()
            + query.where();
    String order;
    String after = "";
    Cursor cursor = search.after();
    try {
      switch (search.sort()) {
        case DATE -> {
          order = " order by date_key, id";
          if (cursor != null) {
            after =
                after(
                    query, "date_key", OffsetDateTime.parse(cursor.key(0)), "timestamptz", cursor);
          }
        }
        default -> {
          order = " order by distance nulls last, id";
          if (cursor != null) {
            after = after(query, "distance", Double.parseDouble(cursor.key(0)), "float8", cursor);
          }
        }
      }
    } catch (RuntimeException e) {
      throw foreignCursor();
    }
    String sql =
        "select page.*"
            + pageDistance
            + PAGE_POINT
            + " from (select * from ("
            + select
            + ") found"
            + after
            + order
            + " limit "
            + query.param(fetchSize)
            + ") page"
            + order;
    return found(sql, query, search.sort());
  }

  /** The page {@code sql} reads, with each row's cursor in {@code sort}'s order. */
  private Uni<Found> found(String sql, Query query, OfferSearch.Sort sort) {
    return pool.preparedQuery(sql)
        .execute(Tuple.tuple(query.params))
        .map(
            rows -> {
              List<OfferSummary> items = new ArrayList<>();
              List<Cursor> cursors = new ArrayList<>();
              for (Row row : rows) {
                items.add(summary(row));
                cursors.add(cursorOf(row, sort));
              }
              return new Found(items, cursors);
            });
  }

  /**
   * The page in distance order from the sessions nearest to the point, read in that order from the
   * spatial index: an offer's first session among the {@code candidates} nearest is its nearest,
   * and every offer without one is farther than the last candidate, so the page is exact when it
   * fills up within them (or when they reach beyond the radius, or are all there are). Otherwise
   * the search looks further, and past {@link #MAX_CANDIDATES} (very selective filters) it measures
   * every match instead.
   */
  private Uni<Found> nearestFirst(OfferSearch search, int fetchSize, int candidates) {
    OfferSearch.Near near = search.near();
    Query query = matching(withoutRadius(search));
    String centre = earth(query, near);
    query.from += ", (select offer_id, min(d) as distance from candidate group by offer_id) near";
    query.where.add("near.offer_id = o.id");
    if (near.radiusMeters() != null) {
      query.where.add("near.distance <= " + query.param(near.radiusMeters()));
    }
    if (search.after() != null) {
      try {
        query.where.add(
            "(near.distance, o.id) > ("
                + query.param(Double.parseDouble(search.after().key(0)))
                + "::float8, "
                + query.param(UUID.fromString(search.after().key(1)))
                + "::uuid)");
      } catch (RuntimeException e) {
        throw foreignCursor();
      }
    }
    String sql =
        "with candidate as materialized (select s.offer_id, earth_distance("
            + centre
            + ", ll_to_earth(s.latitude, s.longitude)) as d from offer_session s"
            + " where s.latitude is not null order by ll_to_earth(s.latitude, s.longitude) <-> "
            + centre
            + " limit "
            + query.param(candidates)
            + "), page as (select o.id, o.provider_id, o.title, o.topics, o.life_phases,"
            + " o.target_groups, o.modality, o.cost_kind, o.district_codes, o.first_start,"
            + " o.last_end, coalesce(o.first_start, 'infinity'::timestamptz) as date_key,"
            + " near.distance"
            + query.from()
            + query.where()
            + " order by near.distance, o.id limit "
            + query.param(fetchSize)
            + ") select page.*"
            + PAGE_POINT
            + ", reach.scanned, reach.farthest"
            + " from (select count(*) as scanned, max(d) as farthest from candidate) reach"
            + " left join page on true order by page.distance, page.id";
    return pool.preparedQuery(sql)
        .execute(Tuple.tuple(query.params))
        .chain(
            rows -> {
              List<OfferSummary> items = new ArrayList<>();
              List<Cursor> cursors = new ArrayList<>();
              long scanned = 0;
              Double farthest = null;
              for (Row row : rows) {
                scanned = row.getLong("scanned");
                farthest = row.getDouble("farthest");
                if (row.getUUID("id") != null) {
                  items.add(summary(row));
                  cursors.add(cursorOf(row, OfferSearch.Sort.DISTANCE));
                }
              }
              boolean exhausted = scanned < candidates;
              boolean beyondRadius =
                  near.radiusMeters() != null && farthest != null && farthest > near.radiusMeters();
              if (items.size() >= fetchSize || exhausted || beyondRadius) {
                return Uni.createFrom().item(new Found(items, cursors));
              }
              return candidates >= MAX_CANDIDATES
                  ? scan(search, fetchSize)
                  : nearestFirst(search, fetchSize, candidates * 8);
            });
  }

  private static OfferSearch withoutRadius(OfferSearch search) {
    return new OfferSearch(
        search.text(),
        search.topics(),
        search.lifePhases(),
        search.targetGroups(),
        search.languages(),
        search.accessibility(),
        search.modality(),
        search.free(),
        search.provider(),
        search.district(),
        new OfferSearch.Near(search.near().lat(), search.near().lon(), null),
        search.from(),
        search.to(),
        search.sort(),
        search.after());
  }

  /** A cursor of another sort order, or one that was tampered with. */
  private static ProblemException foreignCursor() {
    return new ProblemException(
        400,
        "Bad Request",
        "The cursor does not belong to this search.",
        List.of(new Problem.FieldError("cursor", "not a cursor of this sort order")));
  }

  /**
   * How many offers match and the facet counts over them. They are first counted on a fixed sample
   * of the table's pages (about {@code count-sample-rows} offers), so the cost does not grow with
   * the catalogue; when the sample says the search matches at most {@code exact-count-limit}
   * offers, they are counted exactly (a small match set is cheap to count), else the sample's
   * counts are scaled up. The relative error of an estimated count is about 2/√(its matches in the
   * sample).
   */
  public Uni<Counts> counts(OfferSearch search) {
    Uni<Double> share =
        samplePercent.isPresent()
            ? Uni.createFrom().item(samplePercent.get())
            : pool.preparedQuery(SAMPLE_PERCENT)
                .execute(Tuple.of(sampleRows))
                .map(rows -> rows.iterator().next().getDouble(0));
    return share.chain(
        percent -> {
          if (percent >= 100.0) {
            return facetCounts(matching(search), 100.0).map(f -> new Counts(f, true));
          }
          Query sampled = matching(search);
          sampled.sample(percent);
          return facetCounts(sampled, percent)
              .chain(
                  estimate ->
                      estimate.get("total").get("") <= exactCountLimit
                          ? facetCounts(matching(search), 100.0).map(f -> new Counts(f, true))
                          : Uni.createFrom().item(new Counts(estimate, false)));
        });
  }

  /** Counts per facet of what {@code query} matches, scaled from a sample of {@code percent}. */
  private Uni<Map<String, Map<String, Long>>> facetCounts(Query query, double percent) {
    StringBuilder sql =
        new StringBuilder(
                "with matched as (select o.topics, o.life_phases, o.target_groups,"
                    + " o.district_codes, o.modality, o.cost_kind")
            .append(query.from())
            .append(query.where())
            .append(") select 'total' as facet, '' as value, count(*) as n from matched");
    for (Map.Entry<String, String> facet : FACETS.entrySet()) {
      sql.append(" union all select '")
          .append(facet.getKey())
          .append("', v, count(*) from (select ")
          .append(facet.getValue())
          .append(" as v from matched) f group by v");
    }
    double scale = 100.0 / percent;
    return pool.preparedQuery(sql.toString())
        .execute(Tuple.tuple(query.params))
        .map(
            rows -> {
              Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
              facets.put("total", new java.util.TreeMap<>(Map.of("", 0L)));
              for (Row row : rows) {
                facets
                    .computeIfAbsent(row.getString(0), f -> new java.util.TreeMap<>())
                    .put(row.getString(1), Math.round(row.getLong(2) * scale));
              }
              return facets;
            });
  }

  /** Located offers for a map, soonest first, and how many located offers match in all. */
  public record MapPoints(List<OfferMap.Feature> features, long total) {}

  /**
   * A map's features by grid cell: a cell with one offer gives that offer, a cell with more a
   * cluster. {@code total} located offers match, {@code shown} of them are in these features, of
   * which {@code clustered} in clusters.
   */
  public record MapCells(List<OfferMap.Feature> features, long total, long shown, long clustered) {}

  /** One date of a calendar feed per entry, and what the caps left out. */
  public record CalendarRows(
      List<OfferCalendar.Entry> entries, long offers, long omittedOffers, long omittedDates) {}

  /**
   * At most {@code limit} matching offers that have a located date (in the box, if one is given),
   * each at the point of its first located date that has not ended before the search's start.
   */
  public Uni<MapPoints> mapPoints(OfferSearch search, BoundingBox box, int limit) {
    Query query = matching(search);
    String sql =
        "select m.*, count(*) over () as total from ("
            + located(search, query, box)
            + ") m order by m.first_start nulls last, m.id limit "
            + query.param(limit);
    return pool.preparedQuery(sql)
        .execute(Tuple.tuple(query.params))
        .map(
            rows -> {
              List<OfferMap.Feature> features = new ArrayList<>();
              long total = 0;
              for (Row row : rows) {
                total = row.getLong("total");
                features.add(offerFeature(row));
              }
              return new MapPoints(features, total);
            });
  }

  /**
   * The same offers as {@link #mapPoints} grouped by a grid of square cells {@code cellDegrees}
   * wide (aligned to 0°, so that a panned map keeps its clusters), or, without a cell size, {@code
   * cellsAcross} cells across the larger side of the matching offers' extent. At most {@code limit}
   * cells, the fullest first.
   */
  public Uni<MapCells> mapCells(
      OfferSearch search, BoundingBox box, Double cellDegrees, int cellsAcross, int limit) {
    Query query = matching(search);
    String located = located(search, query, box);
    String size =
        cellDegrees != null
            ? query.param(cellDegrees) + "::float8"
            : "(select greatest(max(lon) - min(lon), max(lat) - min(lat), 1e-6) / "
                + cellsAcross
                + " from m)";
    String sql =
        "with m as ("
            + located
            + "), c as (select "
            + size
            + " as size), g as (select floor(m.lon / c.size) as gx, floor(m.lat / c.size) as gy,"
            + " m.id, m.lat, m.lon from m, c), cells as (select gx, gy, count(*) as n,"
            + " avg(lat) as lat, avg(lon) as lon, (array_agg(id))[1] as one,"
            + " (sum(count(*)) over ())::bigint as total from g group by gx, gy"
            + " order by n desc, gx, gy limit "
            + query.param(limit)
            + ") select cells.n, cells.lat, cells.lon, cells.total, o.id, o.title, o.topics,"
            + " o.modality, o.cost_kind, o.first_start from cells"
            + " left join offer o on cells.n = 1 and o.id = cells.one"
            + " order by cells.n desc, cells.gx, cells.gy";
    return pool.preparedQuery(sql)
        .execute(Tuple.tuple(query.params))
        .map(
            rows -> {
              List<OfferMap.Feature> features = new ArrayList<>();
              long total = 0;
              long shown = 0;
              long clustered = 0;
              for (Row row : rows) {
                total = row.getLong("total");
                long n = row.getLong("n");
                shown += n;
                if (n == 1) {
                  features.add(offerFeature(row));
                } else {
                  clustered += n;
                  features.add(OfferMap.cluster(n, row.getDouble("lat"), row.getDouble("lon")));
                }
              }
              return new MapCells(features, total, shown, clustered);
            });
  }

  /**
   * The dates of at most {@code maxOffers} matching offers, published or cancelled, soonest offer
   * first; with {@code window}, only the dates that overlap the search's time range. At most {@code
   * maxDates} dates, the earliest, ordered by their start.
   */
  public Uni<CalendarRows> calendar(
      OfferSearch search, boolean window, int maxOffers, int maxDates) {
    Query query = matching(search, true, TEXT_MATCH);
    // An entry shows the whole offer, not only what the search reads.
    query.from += ", offer f";
    query.where.add("f.id = o.id");
    String sql =
        "select f.*, count(*) over () as total"
            + query.from()
            + query.where()
            + " order by coalesce(o.first_start, 'infinity'::timestamptz), o.id limit "
            + query.param(maxOffers);
    return pool.preparedQuery(sql)
        .execute(Tuple.tuple(query.params))
        .chain(
            offerRows -> {
              Map<UUID, Row> offers = new LinkedHashMap<>();
              long total = 0;
              for (Row row : offerRows) {
                total = row.getLong("total");
                offers.put(row.getUUID("id"), row);
              }
              long omittedOffers = total - offers.size();
              if (offers.isEmpty()) {
                return Uni.createFrom().item(new CalendarRows(List.of(), total, omittedOffers, 0));
              }
              List<Object> params = new ArrayList<>();
              params.add(offers.keySet().toArray(UUID[]::new));
              StringBuilder dates =
                  new StringBuilder(
                      "select s.*, count(*) over () as total from offer_session s"
                          + " where s.offer_id = any($1::uuid[])");
              if (window) {
                params.add(search.from());
                dates.append(" and s.ends_at >= $").append(params.size());
                if (search.to() != null) {
                  params.add(search.to());
                  dates.append(" and s.starts_at < $").append(params.size());
                }
              }
              params.add(maxDates);
              dates.append(" order by s.starts_at, s.id limit $").append(params.size());
              long offerCount = total;
              return pool.preparedQuery(dates.toString())
                  .execute(Tuple.tuple(params))
                  .map(
                      dateRows -> {
                        Map<UUID, List<Row>> byOffer = new LinkedHashMap<>();
                        long allDates = 0;
                        int kept = 0;
                        for (Row row : dateRows) {
                          allDates = row.getLong("total");
                          kept++;
                          byOffer
                              .computeIfAbsent(row.getUUID("offer_id"), id -> new ArrayList<>())
                              .add(row);
                        }
                        List<OfferCalendar.Entry> entries = new ArrayList<>(kept);
                        for (Map.Entry<UUID, List<Row>> e : byOffer.entrySet()) {
                          OfferView view = OfferRows.toView(offers.get(e.getKey()), e.getValue());
                          for (OfferView.SessionView session : view.sessions()) {
                            entries.add(new OfferCalendar.Entry(view, session));
                          }
                        }
                        entries.sort(
                            Comparator.comparing((OfferCalendar.Entry x) -> x.session().start())
                                .thenComparing(x -> x.session().id()));
                        return new CalendarRows(
                            entries, offerCount, omittedOffers, allDates - kept);
                      });
            });
  }

  /**
   * The SELECT of matching offers with a located date, at the point of their first located date in
   * the box that has not ended before the search's start (else their first located date in it).
   */
  private static String located(OfferSearch search, Query query, BoundingBox box) {
    StringBuilder point =
        new StringBuilder(
            ", lateral (select s.latitude as lat, s.longitude as lon from offer_session s"
                + " where s.offer_id = o.id and s.latitude is not null");
    if (box != null) {
      point
          .append(" and s.latitude between ")
          .append(query.param(box.minLat()))
          .append(" and ")
          .append(query.param(box.maxLat()));
      String west = query.param(box.minLon());
      String east = query.param(box.maxLon());
      point.append(
          box.crossesAntimeridian()
              ? " and (s.longitude >= " + west + " or s.longitude <= " + east + ")"
              : " and s.longitude between " + west + " and " + east);
    }
    point
        .append(" order by s.ends_at < ")
        .append(query.param(search.from()))
        .append(", s.starts_at, s.id limit 1) as p");
    return "select o.id, o.title, o.topics, o.modality, o.cost_kind, o.first_start, p.lat, p.lon"
        + query.from()
        + point
        + query.where();
  }

  private static Query matching(OfferSearch search) {
    return matching(search, false, TEXT_MATCH);
  }

  /**
   * The FROM and WHERE of published offers that match the search, and of cancelled ones too if
   * asked (a calendar shows them as cancelled rather than letting them disappear); {@code textTest}
   * is how the text is tested against the query.
   */
  private static Query matching(OfferSearch search, boolean withCancelled, String textTest) {
    Query query = new Query();
    query.where.add(
        withCancelled ? "o.status in ('PUBLISHED', 'CANCELLED')" : "o.status = 'PUBLISHED'");
    if (search.text() != null) {
      query.from =
          " from offer_search o, websearch_to_tsquery('lernstadt_german', "
              + query.param(search.text())
              + ") as q(query)";
      query.where.add(textTest);
    }
    overlap(query, "o.topics", search.topics());
    overlap(query, "o.life_phases", search.lifePhases());
    overlap(query, "o.target_groups", search.targetGroups());
    overlap(query, "o.languages", search.languages());
    if (!search.accessibility().isEmpty()) {
      query.where.add(
          "o.accessibility @> " + query.param(search.accessibility().toArray(String[]::new)));
    }
    if (search.modality() != null) {
      query.where.add("o.modality = " + query.param(search.modality()));
    }
    if (search.free() != null) {
      query.where.add(search.free() ? "o.cost_kind = 'FREE'" : "o.cost_kind <> 'FREE'");
    }
    if (search.provider() != null) {
      query.where.add("o.provider_id = " + query.param(search.provider()));
    }
    if (search.district() != null) {
      // Array containment, so that the GIN index on district_codes serves it.
      query.where.add("o.district_codes @> " + query.param(new String[] {search.district()}));
    }
    if (search.to() == null) {
      query.where.add("(o.last_end is null or o.last_end >= " + query.param(search.from()) + ")");
    } else {
      query.where.add(
          "exists (select 1 from offer_session s where s.offer_id = o.id and s.ends_at >= "
              + query.param(search.from())
              + " and s.starts_at < "
              + query.param(search.to())
              + ")");
    }
    if (withinRadius(search)) {
      reaching(query, search.near());
      // Checked offer by offer (OFFSET 0 keeps the planner from turning it into a join that
      // starts from every session in the circle, which it badly underestimates): a page in date
      // order then stops after its rows, and a sample checks only its own offers.
      query.where.add(
          "exists (select 1 from offer_session s where s.offer_id = o.id and "
              + inRadius(query, search.near())
              + " offset 0)");
    }
    return query;
  }

  /**
   * Keeps the offers whose sessions' box reaches the box around the circle, so that the far ones
   * are dropped without reading their sessions. The circle's box is taken a little too large (the
   * earth's smallest radius, one percent more); near a pole or the antimeridian, where it is no
   * simple box of degrees, every offer goes on to the check of its sessions.
   */
  private static void reaching(Query query, OfferSearch.Near near) {
    double angle = near.radiusMeters() / 6_356_000.0 * 1.01;
    double dLat = Math.toDegrees(angle);
    double south = near.lat() - dLat;
    double north = near.lat() + dLat;
    double sine = Math.sin(angle) / Math.cos(Math.toRadians(near.lat()));
    if (south <= -90 || north >= 90 || sine >= 1) {
      return;
    }
    double dLon = Math.toDegrees(Math.asin(sine));
    double west = near.lon() - dLon;
    double east = near.lon() + dLon;
    if (west <= -180 || east >= 180) {
      return;
    }
    query.where.add(
        "o.max_lat >= "
            + query.param(south)
            + " and o.min_lat <= "
            + query.param(north)
            + " and o.max_lon >= "
            + query.param(west)
            + " and o.min_lon <= "
            + query.param(east));
  }

  private static boolean withinRadius(OfferSearch search) {
    return search.near() != null && search.near().radiusMeters() != null;
  }

  /** A session within the radius: the index finds the box around the circle, then the circle. */
  private static String inRadius(Query query, OfferSearch.Near near) {
    String centre = earth(query, near);
    String radius = query.param(near.radiusMeters());
    return "s.latitude is not null and earth_box("
        + centre
        + ", "
        + radius
        + ") @> ll_to_earth(s.latitude, s.longitude) and earth_distance("
        + centre
        + ", ll_to_earth(s.latitude, s.longitude)) <= "
        + radius;
  }

  /** The distance from the point to the nearest located session of the offer {@code offerId}. */
  private static String distanceOf(Query query, OfferSearch.Near near, String offerId) {
    return "(select min(earth_distance("
        + earth(query, near)
        + ", ll_to_earth(s.latitude, s.longitude))) from offer_session s where s.offer_id = "
        + offerId
        + " and s.latitude is not null)";
  }

  private static String earth(Query query, OfferSearch.Near near) {
    return "ll_to_earth(" + query.param(near.lat()) + ", " + query.param(near.lon()) + ")";
  }

  private static void overlap(Query query, String column, List<String> values) {
    if (!values.isEmpty()) {
      query.where.add(column + " && " + query.param(values.toArray(String[]::new)));
    }
  }

  /** Keyset position for an ascending order by {@code column}, then id. */
  private static String after(
      Query query, String column, Object value, String type, Cursor cursor) {
    return " where ("
        + column
        + ", id) > ("
        + query.param(value)
        + "::"
        + type
        + ", "
        + query.param(UUID.fromString(cursor.key(1)))
        + "::uuid)";
  }

  private static OfferMap.Feature offerFeature(Row row) {
    return OfferMap.offer(
        row.getUUID("id"),
        row.getString("title"),
        List.of(row.getArrayOfStrings("topics")),
        row.getString("modality"),
        row.getString("cost_kind"),
        row.getOffsetDateTime("first_start"),
        row.getDouble("lat"),
        row.getDouble("lon"));
  }

  private static OfferSummary summary(Row row) {
    Double distance = row.getDouble("distance");
    Double[] point = row.getArrayOfDoubles("point");
    return new OfferSummary(
        row.getUUID("id"),
        row.getUUID("provider_id"),
        row.getString("title"),
        List.of(row.getArrayOfStrings("topics")),
        List.of(row.getArrayOfStrings("life_phases")),
        List.of(row.getArrayOfStrings("target_groups")),
        row.getString("modality"),
        row.getString("cost_kind"),
        List.of(row.getArrayOfStrings("district_codes")),
        row.getOffsetDateTime("first_start"),
        row.getOffsetDateTime("last_end"),
        distance == null ? null : Math.round(distance / 10.0) / 100.0,
        point == null ? null : new OfferSummary.Location(point[0], point[1]));
  }

  private static Cursor cursorOf(Row row, OfferSearch.Sort sort) {
    String id = row.getUUID("id").toString();
    return switch (sort) {
      case DATE -> Cursor.of(row.getOffsetDateTime("date_key").toString(), id);
      case DISTANCE -> Cursor.of(String.valueOf(row.getDouble("distance")), id);
      case RELEVANCE ->
          Cursor.of(
              String.valueOf(row.getInteger("part")),
              row.getOffsetDateTime("date_key").toString(),
              id);
    };
  }

  /** The FROM and WHERE of a search and its positional parameters. */
  private static final class Query {
    private final List<Object> params = new ArrayList<>();
    private final List<String> where = new ArrayList<>();
    private String from = " from offer_search o";

    String param(Object value) {
      params.add(value);
      return "$" + params.size();
    }

    /**
     * Reads a fixed sample of the table's pages instead of the whole table; the same pages each
     * time, so that repeated searches give the same counts.
     */
    void sample(double percent) {
      from =
          from.replace(
              " from offer_search o",
              " from offer_search o tablesample system (" + param(percent) + ") repeatable (0)");
    }

    String from() {
      return from;
    }

    String where() {
      return " where " + String.join(" and ", where);
    }
  }
}

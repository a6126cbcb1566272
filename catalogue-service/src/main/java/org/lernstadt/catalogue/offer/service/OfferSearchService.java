package org.lernstadt.catalogue.offer.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lernstadt.catalogue.offer.domain.OfferStatus;
import org.lernstadt.catalogue.offer.mapping.OfferCalendar;
import org.lernstadt.catalogue.offer.mapping.OfferMap;
import org.lernstadt.catalogue.offer.mapping.OfferSummary;
import org.lernstadt.catalogue.offer.mapping.OfferView;
import org.lernstadt.catalogue.offer.mapping.SearchResult;
import org.lernstadt.catalogue.offer.repository.OfferRepository;
import org.lernstadt.catalogue.offer.repository.OfferSearchRepository;
import org.lernstadt.catalogue.offer.rest.OfferQuery;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/** The public search over published offers and the public view of one offer. */
@ApplicationScoped
public class OfferSearchService {

  static final int DEFAULT_PAGE = 20;
  static final int MAX_PAGE = 100;

  /** Features of a map: by default, and at most. */
  static final int DEFAULT_MAP_FEATURES = 500;

  static final int MAX_MAP_FEATURES = 2_000;

  /** The most offers a calendar feed holds, and the most dates. */
  static final int MAX_CALENDAR_OFFERS = 1_000;

  static final int MAX_CALENDAR_DATES = 10_000;

  /** The highest zoom level of a web map the clustering knows. */
  static final int MAX_ZOOM = 22;

  @Inject OfferSearchRepository search;
  @Inject OfferRepository offers;

  public Uni<SearchResult> search(OfferQuery query) {
    PageRequest page = PageRequest.of(query.limit, query.cursor, DEFAULT_PAGE, MAX_PAGE);
    OfferSearch request = toSearch(query, page);
    // Counts and facets belong to the first page; later pages only continue the list. Both
    // queries run at once, each on its own connection.
    Uni<OfferSearchRepository.Counts> counts =
        page.after() == null
            ? search.counts(request)
            : Uni.createFrom().item(new OfferSearchRepository.Counts(null, true));
    return Uni.combine()
        .all()
        .unis(search.page(request, page.fetchSize()), counts)
        .asTuple()
        .map(
            both -> {
              OfferSearchRepository.Found found = both.getItem1();
              boolean more = found.items().size() > page.limit();
              List<OfferSummary> items =
                  more ? found.items().subList(0, page.limit()) : found.items();
              String next = more ? found.cursors().get(page.limit() - 1).encode() : null;
              Map<String, Map<String, Long>> facets = both.getItem2().facets();
              if (facets == null) {
                return new SearchResult(List.copyOf(items), next, null, null, null);
              }
              Long total = facets.remove("total").get("");
              return new SearchResult(
                  List.copyOf(items),
                  next,
                  total,
                  both.getItem2().exact() ? null : Boolean.TRUE,
                  facets);
            });
  }

  /**
   * The search as a map: every matching offer with a located date as a point, while there are at
   * most {@code limit}; beyond that, with {@code cluster}, nearby offers grouped by grid cells
   * (sized by {@code zoom}, else by {@code bbox}, else by the offers' extent), and without, the
   * {@code limit} soonest offers. Page and sort parameters do not apply and are ignored.
   */
  public Uni<OfferMap> map(OfferQuery query, String bbox, Integer zoom, boolean cluster) {
    int limit = PageRequest.of(query.limit, null, DEFAULT_MAP_FEATURES, MAX_MAP_FEATURES).limit();
    BoundingBox box = BoundingBox.parse(bbox);
    if (zoom != null && (zoom < 0 || zoom > MAX_ZOOM)) {
      throw new ProblemException(
          400,
          "Bad Request",
          "The zoom level is out of range.",
          List.of(new FieldError("zoom", "must be between 0 and " + MAX_ZOOM)));
    }
    OfferSearch request = toSearch(query, null);
    return search
        .mapPoints(request, box, limit)
        .chain(
            points -> {
              if (points.total() <= limit || !cluster) {
                return Uni.createFrom()
                    .item(
                        OfferMap.of(
                            points.features(),
                            points.total(),
                            0,
                            points.total() - points.features().size()));
              }
              // A web map's tile is 256 px wide and 360° / 2^zoom: cells of a quarter tile.
              Double cell = zoom != null ? 90.0 / Math.pow(2, zoom) : null;
              int across = Math.max(1, (int) Math.sqrt(limit) - 1);
              if (cell == null && box != null) {
                cell = Math.max(box.span(), 1e-6) / across;
              }
              return search
                  .mapCells(request, box, cell, across, limit)
                  .map(
                      cells ->
                          OfferMap.of(
                              cells.features(),
                              cells.total(),
                              cells.clustered(),
                              cells.total() - cells.shown()));
            });
  }

  /** A calendar feed and what its caps left out. */
  public record CalendarFeed(String body, long offers, long omittedOffers, long omittedDates) {}

  /**
   * The search as an iCalendar feed: every date of the {@value #MAX_CALENDAR_OFFERS} soonest
   * matching offers (at most {@value #MAX_CALENDAR_DATES} dates), cancelled offers included and
   * marked; with {@code from} or {@code to} given, only the dates in that range. {@code limit}
   * lowers the number of offers; cursor and sort do not apply.
   */
  public Uni<CalendarFeed> calendar(OfferQuery query) {
    int maxOffers =
        PageRequest.of(query.limit, null, MAX_CALENDAR_OFFERS, MAX_CALENDAR_OFFERS).limit();
    OfferSearch request = toSearch(query, null);
    boolean window = query.from != null || query.to != null;
    Instant stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return search
        .calendar(request, window, maxOffers, MAX_CALENDAR_DATES)
        .map(
            rows -> {
              String note = null;
              if (rows.omittedOffers() > 0 || rows.omittedDates() > 0) {
                note =
                    "Gekürzt: "
                        + (rows.offers() - rows.omittedOffers())
                        + " von "
                        + rows.offers()
                        + " passenden Angeboten"
                        + (rows.omittedDates() > 0
                            ? ", ohne " + rows.omittedDates() + " spätere Termine"
                            : "")
                        + ". Engere Filter zeigen alle.";
              }
              String body =
                  OfferCalendar.write("Lernstadt – Lernangebote", note, stamp, rows.entries());
              return new CalendarFeed(
                  body, rows.offers(), rows.omittedOffers(), rows.omittedDates());
            });
  }

  /** A published or cancelled offer; drafts and withdrawn offers are not public. */
  public Uni<OfferView> publicOffer(java.util.UUID id) {
    return offers
        .find(offers.pool(), id)
        .map(
            found ->
                found
                    .filter(view -> OfferStatus.valueOf(view.status()).isPublic())
                    .orElseThrow(() -> ProblemException.notFound("Offer " + id)));
  }

  /**
   * The validated search; without a page (map, calendar) ordered by date and with the parameters of
   * pages and sorting ignored.
   */
  private static OfferSearch toSearch(OfferQuery q, PageRequest page) {
    List<FieldError> errors = new ArrayList<>();
    boolean hasPoint = q.lat != null && q.lon != null;
    if ((q.lat == null) != (q.lon == null)) {
      errors.add(new FieldError(q.lat == null ? "lat" : "lon", "lat and lon go together"));
    }
    if (q.radiusKm != null && !hasPoint) {
      errors.add(new FieldError("radiusKm", "needs lat and lon"));
    }
    OfferSearch.Sort sort =
        page == null
            ? OfferSearch.Sort.DATE
            : q.sort == null
                ? (q.q != null && !q.q.isBlank()
                    ? OfferSearch.Sort.RELEVANCE
                    : OfferSearch.Sort.DATE)
                : OfferSearch.Sort.valueOf(q.sort.toUpperCase());
    if (sort == OfferSearch.Sort.DISTANCE && !hasPoint) {
      errors.add(new FieldError("sort", "sorting by distance needs lat and lon"));
    }
    if (sort == OfferSearch.Sort.RELEVANCE && (q.q == null || q.q.isBlank())) {
      errors.add(new FieldError("sort", "sorting by relevance needs q"));
    }
    if (q.from != null && q.to != null && !q.to.isAfter(q.from)) {
      errors.add(new FieldError("to", "must be after from"));
    }
    // A relevance cursor names the part of the order (title or elsewhere), the date and the id.
    int cursorKeys = sort == OfferSearch.Sort.RELEVANCE ? 3 : 2;
    if (page != null && page.after() != null && page.after().keys().size() != cursorKeys) {
      errors.add(new FieldError("cursor", "not a cursor of this search"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(400, "Bad Request", "The search is not valid.", errors);
    }
    return new OfferSearch(
        q.q == null || q.q.isBlank() ? null : q.q.trim(),
        names(q.topics),
        names(q.lifePhases),
        names(q.targetGroups),
        q.languages == null ? List.of() : List.copyOf(q.languages),
        names(q.accessibility),
        q.modality == null ? null : q.modality.name(),
        q.free,
        q.provider,
        q.district,
        hasPoint
            ? new OfferSearch.Near(q.lat, q.lon, q.radiusKm == null ? null : q.radiusKm * 1000.0)
            : null,
        q.from == null ? OffsetDateTime.now() : q.from,
        q.to,
        sort,
        page == null ? null : page.after());
  }

  private static List<String> names(List<? extends Enum<?>> values) {
    return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
  }
}

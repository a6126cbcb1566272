package org.lernstadt.catalogue.offer.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.lernstadt.catalogue.offer.domain.OfferStatus;
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

  @Inject OfferSearchRepository search;
  @Inject OfferRepository offers;

  public Uni<SearchResult> search(OfferQuery query) {
    PageRequest page = PageRequest.of(query.limit, query.cursor, DEFAULT_PAGE, MAX_PAGE);
    OfferSearch request = toSearch(query, page);
    // Counts and facets belong to the first page; later pages only continue the list.
    return search
        .page(request, page.fetchSize())
        .chain(
            found ->
                (page.after() == null
                        ? search.facets(request)
                        : Uni.createFrom()
                            .item((java.util.Map<String, java.util.Map<String, Long>>) null))
                    .map(
                        facets -> {
                          boolean more = found.items().size() > page.limit();
                          List<org.lernstadt.catalogue.offer.mapping.OfferSummary> items =
                              more ? found.items().subList(0, page.limit()) : found.items();
                          String next =
                              more ? found.cursors().get(page.limit() - 1).encode() : null;
                          if (facets == null) {
                            return new SearchResult(List.copyOf(items), next, null, null);
                          }
                          Long total =
                              facets.getOrDefault("total", java.util.Map.of()).getOrDefault("", 0L);
                          facets.remove("total");
                          return new SearchResult(List.copyOf(items), next, total, facets);
                        }));
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
        q.sort == null
            ? (q.q != null && !q.q.isBlank() ? OfferSearch.Sort.RELEVANCE : OfferSearch.Sort.DATE)
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
    if (page.after() != null && page.after().keys().size() != 2) {
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
        page.after());
  }

  private static List<String> names(List<? extends Enum<?>> values) {
    return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
  }
}

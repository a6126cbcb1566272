package org.lernstadt.gateway.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lernstadt.gateway.GatewayConfig;

/** Searches offers, providers, learning places, counselling centres and dialogues at once. */
@ApplicationScoped
public class SearchService {

  private final ServiceCalls calls;
  private final GatewayConfig config;

  SearchService(ServiceCalls calls, GatewayConfig config) {
    this.calls = calls;
    this.config = config;
  }

  public Uni<SearchResults> search(String q, int limit, String authorization) {
    Gathering parts = new Gathering(config.aggregation().budget());
    String query = "q=" + ServiceCalls.encode(q) + "&limit=" + limit;
    return Uni.combine()
        .all()
        .unis(
            parts.part(
                "offers",
                "catalogue",
                calls.read("catalogue", "/v1/offers?" + query, authorization)),
            parts.part(
                "providers",
                "catalogue",
                calls.read("catalogue", "/v1/providers?" + query, authorization)),
            parts.part(
                "learningPlaces",
                "catalogue",
                calls.read("catalogue", "/v1/learning-places?" + query, authorization)),
            parts.part(
                "counsellingCentres",
                "counseling",
                calls.read("counseling", "/v1/centres?q=" + ServiceCalls.encode(q), authorization)),
            parts.part(
                "dialogues",
                "participation",
                calls.read("participation", "/v1/dialogues?" + query, authorization)))
        .asTuple()
        .map(
            all ->
                new SearchResults(
                    q,
                    all.getItem1().map(SearchService::page).orElse(null),
                    all.getItem2().map(SearchService::page).orElse(null),
                    all.getItem3().map(SearchService::page).orElse(null),
                    all.getItem4().map(centres -> named(centres, q, limit)).orElse(null),
                    all.getItem5().map(SearchService::page).orElse(null),
                    parts.missing()));
  }

  /** A page of the catalogue or participation: items, optional total, next cursor. */
  private static SearchResults.Group page(JsonNode page) {
    JsonNode total = page.path("total");
    return new SearchResults.Group(
        DistrictProfileService.items(page.path("items")),
        total.isNumber() ? total.asLong() : null,
        page.hasNonNull("next"));
  }

  /**
   * Counselling centres come as one short list; the name match is checked here as well, so the
   * group means the same whether or not the service filtered by {@code q} itself.
   */
  private static SearchResults.Group named(JsonNode centres, String q, int limit) {
    String needle = q.toLowerCase(Locale.ROOT);
    List<JsonNode> hits =
        DistrictProfileService.items(centres).stream()
            .filter(
                c ->
                    Optional.ofNullable(c.path("name").asText(null))
                        .map(name -> name.toLowerCase(Locale.ROOT).contains(needle))
                        .orElse(false))
            .toList();
    return new SearchResults.Group(
        hits.stream().limit(limit).toList(), (long) hits.size(), hits.size() > limit);
  }
}

package org.lernstadt.catalogue.offer.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One page of a search, the cursor of the next page, and on the first page how many offers match in
 * all and facet counts (per facet, value → number of matching offers) for the filters. {@code
 * approximate} is true when the search matches so many offers that the counts are estimated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(
    List<OfferSummary> items,
    String next,
    Long total,
    Boolean approximate,
    Map<String, Map<String, Long>> facets) {}

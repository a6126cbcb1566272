package org.lernstadt.catalogue.offer.mapping;

import java.util.List;
import java.util.Map;

/**
 * One page of a search, the cursor of the next page, how many offers match in all, and facet counts
 * (per facet, value → number of matching offers) for the filters.
 */
public record SearchResult(
    List<OfferSummary> items, String next, long total, Map<String, Map<String, Long>> facets) {}

package org.lernstadt.participation.results.mapping;

import java.util.List;

/**
 * What a dialogue gathered, public items only: hidden, removed and deleted contributions and
 * comments, and the ratings of such contributions, do not count.
 */
public record Summary(
    Totals totals, List<CategoryCount> perCategory, List<DistrictCount> perDistrict) {

  /** Participants: distinct citizens who contributed, commented or rated. */
  public record Totals(int contributions, int comments, int ratings, int participants) {}

  public record CategoryCount(String category, int contributions, int comments, int ratings) {}

  /** Per district of the contributions ({@code null}: no district given). */
  public record DistrictCount(String district, int contributions, int participants) {}
}

package org.lernstadt.participation.dialogue.domain;

/** How citizens rate contributions: support up or down (+1/-1), or 1 to 5 stars. */
public enum RatingMode {
  UPDOWN,
  STARS;

  public boolean accepts(int value) {
    return this == UPDOWN ? value == 1 || value == -1 : value >= 1 && value <= 5;
  }

  public String allowedValues() {
    return this == UPDOWN ? "1 (support) or -1 (against)" : "1 to 5 stars";
  }

  /** The sort key of "top": the sum of votes, or the mean of the stars. */
  public double score(int count, long sum) {
    if (this == UPDOWN) {
      return sum;
    }
    return count == 0 ? 0 : (double) sum / count;
  }
}

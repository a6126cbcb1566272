package org.lernstadt.catalogue.enrolment.domain;

/**
 * The counts of one offer's group as stored in {@code enrolment_tally}, read under its row lock.
 *
 * @param capacity the limit in force (the offer's capacity, or the number enrolled if the provider
 *     lowered it below that)
 */
public record Tally(int capacity, int enrolled, int waitlisted) {

  public int freePlaces() {
    return Math.max(capacity - enrolled, 0);
  }
}

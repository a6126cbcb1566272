package org.lernstadt.participation.contribution.domain;

import java.util.UUID;

/** The facts of a contribution that writes on it are checked against. */
public record StoredContribution(
    UUID id,
    UUID dialogueId,
    String author,
    ItemStatus status,
    String category,
    String district,
    int ratingCount,
    long ratingSum) {

  public boolean isVisible() {
    return status == ItemStatus.VISIBLE;
  }
}

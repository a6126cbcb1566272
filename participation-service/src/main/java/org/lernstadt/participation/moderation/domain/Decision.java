package org.lernstadt.participation.moderation.domain;

import org.lernstadt.participation.contribution.domain.ItemStatus;

/** What a moderator decides on a reported or appealed item, and the status it leads to. */
public enum Decision {
  /** Keep or restore: the item is public again. */
  KEEP(ItemStatus.VISIBLE),
  /** Hide with a public reason; the author may appeal. */
  HIDE(ItemStatus.HIDDEN),
  REMOVE(ItemStatus.REMOVED);

  private final ItemStatus status;

  Decision(ItemStatus status) {
    this.status = status;
  }

  public ItemStatus status() {
    return status;
  }
}

package org.lernstadt.participation.contribution.domain;

/**
 * Where a contribution or comment stands. Only {@link #VISIBLE} items are public: in lists, on the
 * map, in results and exports. The others stay for the moderation audit.
 */
public enum ItemStatus {
  VISIBLE,
  /** Hidden until a moderator looks: reported by enough citizens, or written anonymously. */
  PENDING,
  /** Hidden by a moderator, with a public reason. */
  HIDDEN,
  REMOVED,
  /** Deleted by its author: text and author are erased. */
  DELETED
}

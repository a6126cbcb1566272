package org.lernstadt.participation.dialogue.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The phases of a dialogue, in the order it goes through them, each with the actions it allows
 * unless the dialogue defines its own.
 */
public enum Phase {
  DRAFT(EnumSet.noneOf(Action.class)),
  CONTRIBUTION(EnumSet.of(Action.CONTRIBUTE, Action.COMMENT, Action.RATE, Action.RESPOND)),
  RATING(EnumSet.of(Action.RATE)),
  CLOSED(EnumSet.noneOf(Action.class)),
  RESULTS_PUBLISHED(EnumSet.noneOf(Action.class));

  private final EnumSet<Action> defaultActions;

  Phase(EnumSet<Action> defaultActions) {
    this.defaultActions = defaultActions;
  }

  public Set<Action> defaultActions() {
    return Set.copyOf(defaultActions);
  }

  /** Whether the dialogue is public in this phase. */
  public boolean isPublic() {
    return this != DRAFT;
  }
}

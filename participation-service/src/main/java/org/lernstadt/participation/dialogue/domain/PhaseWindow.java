package org.lernstadt.participation.dialogue.domain;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A phase as a dialogue defines it: when it is open ({@code null}: no bound) and what it allows.
 */
public record PhaseWindow(
    Phase phase, OffsetDateTime startsAt, OffsetDateTime endsAt, Set<Action> actions) {

  public PhaseWindow {
    actions = Set.copyOf(actions);
  }

  public static PhaseWindow standard(Phase phase) {
    return new PhaseWindow(phase, null, null, phase.defaultActions());
  }

  public boolean isOpenAt(OffsetDateTime time) {
    return (startsAt == null || !time.isBefore(startsAt))
        && (endsAt == null || time.isBefore(endsAt));
  }
}

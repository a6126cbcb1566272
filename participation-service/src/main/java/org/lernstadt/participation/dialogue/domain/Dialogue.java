package org.lernstadt.participation.dialogue.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.platform.web.ProblemException;

/** The rules of one dialogue that its contributions, comments and ratings are checked against. */
public record Dialogue(
    UUID id,
    Phase phase,
    List<PhaseWindow> phases,
    List<String> categories,
    List<String> districts,
    RatingMode ratingMode,
    int maxCommentDepth,
    int maxCommentLength,
    int reportThreshold,
    boolean anonymousContributions) {

  /** The current phase as this dialogue defines it, or with the standard actions. */
  public PhaseWindow currentWindow() {
    return window(phase);
  }

  public PhaseWindow window(Phase of) {
    return phases.stream()
        .filter(w -> w.phase() == of)
        .findFirst()
        .orElseGet(() -> PhaseWindow.standard(of));
  }

  /**
   * Refuses with 409 an action the current phase does not allow, or allows only in a time window
   * that is not open now.
   */
  public void require(Action action, OffsetDateTime now) {
    PhaseWindow window = currentWindow();
    if (!window.actions().contains(action)) {
      throw ProblemException.conflict(
          "The dialogue is in phase "
              + phase
              + ", which does not allow "
              + action
              + "; allowed now: "
              + (window.actions().isEmpty() ? "nothing" : window.actions().toString())
              + ".");
    }
    if (!window.isOpenAt(now)) {
      throw ProblemException.conflict(
          "Phase "
              + phase
              + " of the dialogue is open from "
              + (window.startsAt() == null ? "the start" : window.startsAt())
              + " until "
              + (window.endsAt() == null ? "its end" : window.endsAt())
              + "; "
              + action
              + " is not possible now.");
    }
  }

  public boolean hasCategory(String category) {
    return categories.contains(category);
  }
}

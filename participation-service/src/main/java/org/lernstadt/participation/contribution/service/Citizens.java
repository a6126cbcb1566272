package org.lernstadt.participation.contribution.service;

import org.lernstadt.platform.web.ProblemException;

/** The citizen behind a write. */
public final class Citizens {

  private Citizens() {}

  public static void require(String subject) {
    if (subject == null || subject.isBlank()) {
      throw new ProblemException(403, "Forbidden", "The token does not name a subject (sub).");
    }
  }

  /** The chosen display name, else one derived from the participant pseudonym. */
  static String displayName(String chosen, String participant) {
    return chosen != null ? chosen : "Teilnehmer*in " + participant.substring(0, 6);
  }
}

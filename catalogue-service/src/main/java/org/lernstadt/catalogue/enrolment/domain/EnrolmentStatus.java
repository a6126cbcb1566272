package org.lernstadt.catalogue.enrolment.domain;

/**
 * ENROLLED holds a place in the group; WAITLISTED waits for one and moves up when a place frees;
 * CANCELLED is final (the citizen may enrol again, at the end of the list).
 */
public enum EnrolmentStatus {
  ENROLLED,
  WAITLISTED,
  CANCELLED;

  public boolean isActive() {
    return this != CANCELLED;
  }
}

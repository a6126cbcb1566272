package org.lernstadt.counseling.casework.domain;

/** A case's status; ERASED cases keep only their pseudonymous shell. */
public enum CaseStatus {
  OPEN,
  ACTIVE,
  PAUSED,
  CLOSED,
  ERASED
}

package org.lernstadt.counseling.casework.domain;

/** The seam of a life a case accompanies. */
public enum Transition {
  DAYCARE_TO_SCHOOL,
  SCHOOL_TO_WORK,
  REENTRY_INTO_WORK,
  WORK_TO_RETIREMENT,
  OTHER
}

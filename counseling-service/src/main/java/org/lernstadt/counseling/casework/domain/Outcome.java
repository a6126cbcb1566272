package org.lernstadt.counseling.casework.domain;

/** How a case ended. */
public enum Outcome {
  TRAINING,
  STUDY,
  EMPLOYMENT,
  SCHOOL_PLACE,
  FURTHER_EDUCATION,
  VOLUNTEERING,
  RETIREMENT_ACTIVITY,
  REFERRED_ELSEWHERE,
  DROPPED_OUT,
  OTHER
}

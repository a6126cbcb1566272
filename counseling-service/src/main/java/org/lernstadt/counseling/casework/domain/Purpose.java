package org.lernstadt.counseling.casework.domain;

/**
 * What a consent covers: COUNSELLING the documentation of the case (sessions, biography, stages,
 * notes), REFERRAL passing the person on to an offer or institution.
 */
public enum Purpose {
  COUNSELLING,
  REFERRAL
}

package org.lernstadt.catalogue.offer.domain;

/** The phases of a life the city's learning offers accompany, day-care to retirement. */
public enum LifePhase {
  EARLY_CHILDHOOD,
  SCHOOL_AGE,
  SCHOOL_TO_WORK,
  ADULTS,
  PARENTS,
  SENIORS
}

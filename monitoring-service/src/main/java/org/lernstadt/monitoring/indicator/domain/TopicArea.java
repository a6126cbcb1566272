package org.lernstadt.monitoring.indicator.domain;

public enum TopicArea {
  EARLY_CHILDHOOD,
  SCHOOL,
  TRANSITIONS,
  VOCATIONAL_ADULT,
  SENIOR_LEARNING,
  PARTICIPATION,
  OFFER_DENSITY,
  COUNSELLING
}

package org.lernstadt.catalogue.provider.domain;

/** Features of a building or place that lower the barriers to come in and take part. */
public enum AccessibilityFeature {
  WHEELCHAIR_ACCESSIBLE,
  STEP_FREE,
  ACCESSIBLE_TOILET,
  HEARING_LOOP,
  SIGN_LANGUAGE,
  EASY_LANGUAGE,
  BRAILLE,
  QUIET_ROOM
}

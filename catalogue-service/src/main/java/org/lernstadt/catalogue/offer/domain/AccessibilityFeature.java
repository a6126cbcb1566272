package org.lernstadt.catalogue.offer.domain;

/** Features that lower the barriers to take part in an offer. */
public enum AccessibilityFeature {
  WHEELCHAIR_ACCESSIBLE,
  STEP_FREE,
  ACCESSIBLE_TOILET,
  HEARING_LOOP,
  SIGN_LANGUAGE,
  EASY_LANGUAGE,
  BRAILLE,
  QUIET_ROOM,
  CHILDCARE
}

package org.lernstadt.catalogue.common;

/**
 * Features that lower the barriers to come in and take part, of a place (provider, learning place)
 * or of an offer; one list, so that a search for a feature finds both.
 */
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

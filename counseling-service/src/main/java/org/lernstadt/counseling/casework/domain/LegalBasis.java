package org.lernstadt.counseling.casework.domain;

/** The legal basis of a processing (GDPR Art. 6 and 9). */
public enum LegalBasis {
  CONSENT,
  EXPLICIT_CONSENT,
  PUBLIC_TASK,
  LEGAL_OBLIGATION,
  VITAL_INTERESTS
}

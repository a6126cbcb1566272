package org.lernstadt.participation.form;

/** The kinds of form fields shared by surveys and observation projects. */
public enum FieldKind {
  SINGLE_CHOICE,
  MULTIPLE_CHOICE,
  /** Whole numbers from {@code min} to {@code max} (default 1 to 5). */
  SCALE,
  NUMBER,
  /** Free text: never aggregated, never published from surveys. */
  SHORT_TEXT,
  /** District of residence (or of the observation): a district code of the catalogue. */
  DISTRICT,
  /** One of the age bands of the monitoring. */
  AGE_BAND
}

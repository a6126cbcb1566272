package org.lernstadt.participation.dialogue.domain;

/** What citizens may do in a phase of a dialogue. */
public enum Action {
  CONTRIBUTE,
  COMMENT,
  RATE,
  RESPOND
}

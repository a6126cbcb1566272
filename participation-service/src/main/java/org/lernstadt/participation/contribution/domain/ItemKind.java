package org.lernstadt.participation.contribution.domain;

/** What citizens report and moderators decide on. */
public enum ItemKind {
  CONTRIBUTION,
  COMMENT
}

package org.lernstadt.catalogue.provider.domain;

/** The kind of learning a place is made for. */
public enum LearningPlaceKind {
  /** Schools, universities, vocational colleges: learning towards a recognised qualification. */
  FORMAL,
  /** Organised learning outside the formal system: adult education, libraries, museums, clubs. */
  NON_FORMAL,
  /** Places where people learn on their own: parks, maker spaces, neighbourhood centres. */
  INFORMAL
}

package org.lernstadt.catalogue.offer.domain;

public enum CostKind {
  FREE,
  FEE,
  /** A fee, with reduced-fee conditions (e.g. for holders of the city's social pass). */
  REDUCED_FEE_AVAILABLE
}

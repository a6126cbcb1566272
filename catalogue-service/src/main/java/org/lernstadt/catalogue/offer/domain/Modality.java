package org.lernstadt.catalogue.offer.domain;

public enum Modality {
  ON_SITE,
  ONLINE,
  HYBRID
}

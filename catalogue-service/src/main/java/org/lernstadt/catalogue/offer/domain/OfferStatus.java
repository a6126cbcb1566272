package org.lernstadt.catalogue.offer.domain;

/**
 * DRAFT, PUBLISHED and CANCELLED are set by the provider; WITHDRAWN follows a delete and ARCHIVED
 * the end of the offer's last date.
 */
public enum OfferStatus {
  DRAFT,
  PUBLISHED,
  CANCELLED,
  WITHDRAWN,
  ARCHIVED;

  public boolean settableByProvider() {
    return this == DRAFT || this == PUBLISHED || this == CANCELLED;
  }

  public boolean isPublic() {
    return this == PUBLISHED || this == CANCELLED;
  }
}

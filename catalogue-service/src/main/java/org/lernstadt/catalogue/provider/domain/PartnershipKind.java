package org.lernstadt.catalogue.provider.domain;

/** How two institutions work together. */
public enum PartnershipKind {
  COOPERATION,
  NETWORK_MEMBERSHIP,
  SHARED_OFFER
}

package org.lernstadt.catalogue.offer.service;

/** What a push did to the stored offer. */
public enum PushOutcome {
  CREATED,
  UPDATED,
  UNCHANGED
}

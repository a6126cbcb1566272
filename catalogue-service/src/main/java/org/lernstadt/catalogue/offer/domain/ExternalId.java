package org.lernstadt.catalogue.offer.domain;

/** The rule for the id under which a provider's own system knows an offer. */
public final class ExternalId {

  /** The characters an external id may have: safe in a URL path without escaping. */
  public static final String CHARACTERS = "[A-Za-z0-9._:~-]";

  public static final int MAX_LENGTH = 100;

  public static final String PATTERN = CHARACTERS + "{1," + MAX_LENGTH + "}";

  private ExternalId() {}
}

package org.lernstadt.catalogue.offer.domain;

/** The controlled list of topics an offer is filed under. */
public enum Topic {
  SUSTAINABLE_DEVELOPMENT,
  DIGITAL_SKILLS,
  LANGUAGES,
  CULTURE,
  HEALTH,
  VOCATIONAL,
  PARENTING,
  CIVIC,
  SCIENCE,
  BASIC_SKILLS
}

package org.lernstadt.catalogue.provider.domain;

/** What kind of institution a provider is. */
public enum ProviderKind {
  ADULT_EDUCATION_CENTRE,
  LIBRARY,
  MUSEUM,
  SCHOOL,
  DAY_CARE_CENTRE,
  UNIVERSITY,
  CLUB,
  COMPANY,
  COUNSELLING_CENTRE,
  OTHER
}

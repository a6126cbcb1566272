package org.lernstadt.catalogue.offer.domain;

/** Who an offer is meant for. */
public enum TargetGroup {
  CHILDREN,
  YOUTH,
  ADULTS,
  PARENTS,
  FAMILIES,
  SENIORS,
  JOB_SEEKERS,
  NEWCOMERS,
  EDUCATORS,
  EVERYONE
}

package org.lernstadt.monitoring.analysis.domain;

public enum MissingStrategy {
  SKIP_IF_ANY_MISSING,
  SKIP_IF_ALL_MISSING,
  NEVER_SKIP
}

package org.lernstadt.monitoring.analysis.domain;

public enum RuleKind {
  BELOW,
  ABOVE,
  FALLING,
  RISING,
  DEVIATION_FROM_CITY
}

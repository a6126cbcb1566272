package org.lernstadt.monitoring.indicator.domain;

public enum Polarity {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER,
  NEUTRAL
}

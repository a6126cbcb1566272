package org.lernstadt.monitoring.analysis.domain;

public enum Importance {
  LOW,
  MEDIUM,
  HIGH
}

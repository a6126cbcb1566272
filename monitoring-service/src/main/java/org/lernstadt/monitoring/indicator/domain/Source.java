package org.lernstadt.monitoring.indicator.domain;

public enum Source {
  IMPORT,
  EVENTS,
  SURVEY
}

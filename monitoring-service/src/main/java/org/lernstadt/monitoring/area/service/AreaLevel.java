package org.lernstadt.monitoring.area.service;

public enum AreaLevel {
  CITY,
  DISTRICT,
  STATISTICAL_AREA
}

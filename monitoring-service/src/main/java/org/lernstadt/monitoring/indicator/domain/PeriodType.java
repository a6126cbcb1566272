package org.lernstadt.monitoring.indicator.domain;

public enum PeriodType {
  YEAR,
  QUARTER,
  MONTH
}

package org.lernstadt.monitoring.value.domain;

/** Whether a value may be published; the SDMX CONF_STATUS code of each. */
public enum Confidentiality {
  /** published */
  FREE("F"),
  /** its numerator is below the indicator's minimum cell size */
  PRIMARY("C"),
  /** hidden so that a suppressed cell cannot be recovered from a total and the other cells */
  SECONDARY("D");

  private final String sdmx;

  Confidentiality(String sdmx) {
    this.sdmx = sdmx;
  }

  public String sdmx() {
    return sdmx;
  }
}

package org.lernstadt.monitoring.common;

/** The topic and event types this service publishes. */
public final class MonitoringEvents {

  public static final String TOPIC = "monitoring.indicators.v1";
  public static final String VALUE_UPDATED = "org.lernstadt.monitoring.indicator.value-updated.v1";
  public static final String ALERT_RAISED = "org.lernstadt.monitoring.alert.raised.v1";
  public static final String ALERT_RESOLVED = "org.lernstadt.monitoring.alert.resolved.v1";

  private MonitoringEvents() {}
}

package org.lernstadt.monitoring.live.service;

/**
 * The built-in computations of event-sourced indicators, each a query over the facts the consumer
 * stored; an indicator with source EVENTS names one of them.
 */
public enum Computation {
  /** published offers with a date in the period, per topic; denominator: population */
  OFFERS,
  /** free offers / offers */
  FREE_OFFERS,
  /** offers for seniors (life phase or target group); denominator: population 65+ */
  SENIOR_OFFERS,
  /** offers for parents; denominator: population 25-44 */
  PARENT_OFFERS,
  /** offers on sustainable development / offers */
  ESD_OFFERS,
  /** cases opened, per transition */
  CASES_OPENED,
  /** cases closed, per transition */
  CASES_CLOSED,
  /** referrals made in the period that were completed / referrals made */
  REFERRALS,
  /** sum of days from booking to slot / bookings not cancelled */
  WAITING_DAYS,
  /** contributions submitted; denominator: population */
  CONTRIBUTIONS,
  /** distinct participants per dialogue, summed; denominator: population */
  PARTICIPANTS,
  /** attendance of participation events; denominator: population */
  ATTENDANCE;

  public static boolean known(String name) {
    for (Computation c : values()) {
      if (c.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}

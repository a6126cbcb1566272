package org.lernstadt.counseling.casework.event;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.lernstadt.counseling.casework.repository.CaseRef;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * Case events on {@code counseling.cases.v1}, keyed by the case id (random, unrelated to the person
 * id). Bodies carry pseudonymous ids, transition, stage, district, age band and dates only: never a
 * name, contact, note or free text.
 */
public final class CaseEvents {

  public static final String TOPIC = "counseling.cases.v1";
  private static final String PREFIX = "org.lernstadt.counseling.";
  public static final String OPENED = PREFIX + "case.opened.v1";
  public static final String STAGE_REACHED = PREFIX + "case.stage-reached.v1";
  public static final String CLOSED = PREFIX + "case.closed.v1";
  public static final String SESSION_HELD = PREFIX + "session.held.v1";
  public static final String REFERRAL_MADE = PREFIX + "referral.made.v1";
  public static final String REFERRAL_COMPLETED = PREFIX + "referral.completed.v1";
  public static final String REFERRAL_DECLINED = PREFIX + "referral.declined.v1";
  public static final String ERASED = PREFIX + "case.erased.v1";

  private CaseEvents() {}

  public record StageEvent(
      UUID caseId,
      UUID centreId,
      String transition,
      String stage,
      String district,
      String ageBand,
      OffsetDateTime occurredAt) {}

  public record Closed(
      UUID caseId,
      UUID centreId,
      String transition,
      String outcome,
      String district,
      String ageBand,
      OffsetDateTime openedAt,
      OffsetDateTime occurredAt) {}

  public record SessionHeld(
      UUID caseId,
      UUID centreId,
      String transition,
      String district,
      String format,
      int durationMinutes,
      OffsetDateTime occurredAt) {}

  public record ReferralEvent(
      UUID referralId,
      UUID caseId,
      UUID centreId,
      String transition,
      String district,
      String ageBand,
      String targetKind,
      UUID offerId,
      OffsetDateTime occurredAt) {}

  public record Erased(UUID caseId, OffsetDateTime occurredAt) {}

  /** case.opened or case.stage-reached, at the case's current stage. */
  public static OutgoingEvent stage(String type, CaseRef c) {
    OffsetDateTime now = OffsetDateTime.now();
    return event(
        type,
        c.id(),
        new StageEvent(
            c.id(), c.centreId(), c.transition().name(), c.stage(), c.district(), c.ageBand(), now),
        now);
  }

  public static OutgoingEvent closed(CaseRef c, String outcome) {
    OffsetDateTime now = OffsetDateTime.now();
    return event(
        CLOSED,
        c.id(),
        new Closed(
            c.id(),
            c.centreId(),
            c.transition().name(),
            outcome,
            c.district(),
            c.ageBand(),
            c.openedAt(),
            now),
        now);
  }

  public static OutgoingEvent sessionHeld(CaseRef c, String format, int minutes) {
    OffsetDateTime now = OffsetDateTime.now();
    return event(
        SESSION_HELD,
        c.id(),
        new SessionHeld(
            c.id(), c.centreId(), c.transition().name(), c.district(), format, minutes, now),
        now);
  }

  public static OutgoingEvent referral(
      String type, CaseRef c, UUID referralId, String targetKind, UUID offerId) {
    OffsetDateTime now = OffsetDateTime.now();
    return event(
        type,
        c.id(),
        new ReferralEvent(
            referralId,
            c.id(),
            c.centreId(),
            c.transition().name(),
            c.district(),
            c.ageBand(),
            targetKind,
            offerId,
            now),
        now);
  }

  public static OutgoingEvent erased(UUID caseId) {
    OffsetDateTime now = OffsetDateTime.now();
    return event(ERASED, caseId, new Erased(caseId, now), now);
  }

  private static OutgoingEvent event(String type, UUID caseId, Object body, OffsetDateTime at) {
    return new OutgoingEvent(TOPIC, type, caseId.toString(), caseId.toString(), body, at);
  }
}

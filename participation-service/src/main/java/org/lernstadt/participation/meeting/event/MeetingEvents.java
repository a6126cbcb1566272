package org.lernstadt.participation.meeting.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.lernstadt.participation.meeting.mapping.MeetingView;
import org.lernstadt.platform.events.OutgoingEvent;

/** Events on {@code participation.events.v1}, keyed by the event id; counts only. */
public final class MeetingEvents {

  public static final String TOPIC = "participation.events.v1";
  public static final String SCHEDULED = "org.lernstadt.participation.event.scheduled.v1";
  public static final String REGISTRATION = "org.lernstadt.participation.event.registration.v1";
  public static final String ATTENDED = "org.lernstadt.participation.event.attended.v1";

  private MeetingEvents() {}

  public record Scheduled(
      UUID eventId,
      UUID dialogueId,
      String kind,
      String district,
      OffsetDateTime startsAt,
      int capacity,
      Instant occurredAt) {}

  public record Registration(
      UUID eventId, String district, int registered, int waitlisted, Instant occurredAt) {}

  public record Attended(
      UUID eventId, UUID dialogueId, String district, int attendance, Instant occurredAt) {}

  public static OutgoingEvent scheduled(MeetingView e) {
    Instant now = Instant.now();
    return event(
        SCHEDULED,
        e.id(),
        new Scheduled(
            e.id(), e.dialogueId(), e.kind(), e.district(), e.startsAt(), e.capacity(), now),
        now);
  }

  /** The counts of the event after a registration, cancellation or move up. */
  public static OutgoingEvent registration(MeetingView e) {
    Instant now = Instant.now();
    return event(
        REGISTRATION,
        e.id(),
        new Registration(e.id(), e.district(), e.registered(), e.waitlisted(), now),
        now);
  }

  public static OutgoingEvent attended(MeetingView e) {
    Instant now = Instant.now();
    return event(
        ATTENDED,
        e.id(),
        new Attended(e.id(), e.dialogueId(), e.district(), e.attendance(), now),
        now);
  }

  private static OutgoingEvent event(String type, UUID id, Object body, Instant now) {
    String key = id.toString();
    return new OutgoingEvent(
        TOPIC, type, key, key, body, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
  }
}

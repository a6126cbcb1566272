package org.lernstadt.participation.observation.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.lernstadt.participation.dialogue.event.DialogueEvents;
import org.lernstadt.platform.events.OutgoingEvent;

/** An accepted observation on {@code participation.dialogues.v1}, keyed by the project. */
public final class ObservationEvents {

  public static final String ACCEPTED = "org.lernstadt.participation.observation.accepted.v1";

  private ObservationEvents() {}

  public record Accepted(UUID projectId, UUID observationId, String district, Instant occurredAt) {}

  public static OutgoingEvent accepted(UUID projectId, UUID observationId, String district) {
    Instant now = Instant.now();
    String key = projectId.toString();
    return new OutgoingEvent(
        DialogueEvents.TOPIC,
        ACCEPTED,
        key,
        observationId.toString(),
        new Accepted(projectId, observationId, district, now),
        OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
  }
}

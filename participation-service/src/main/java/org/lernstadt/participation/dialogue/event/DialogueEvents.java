package org.lernstadt.participation.dialogue.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.dialogue.domain.Phase;
import org.lernstadt.participation.dialogue.mapping.DialogueView;
import org.lernstadt.participation.results.mapping.Summary;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * The life of a dialogue on {@code participation.dialogues.v1}, keyed by the dialogue id: one event
 * per phase change, typed by where it leads (opened, closed, results published, else phase
 * changed). Results carry counts only.
 */
public final class DialogueEvents {

  public static final String TOPIC = "participation.dialogues.v1";
  public static final String OPENED = "org.lernstadt.participation.dialogue.opened.v1";
  public static final String PHASE_CHANGED =
      "org.lernstadt.participation.dialogue.phase-changed.v1";
  public static final String CLOSED = "org.lernstadt.participation.dialogue.closed.v1";
  public static final String RESULTS_PUBLISHED =
      "org.lernstadt.participation.dialogue.results-published.v1";

  private DialogueEvents() {}

  public record PhaseChanged(
      UUID dialogueId,
      Phase phase,
      Phase previousPhase,
      List<String> districts,
      Instant occurredAt) {}

  public record ResultsPublished(
      UUID dialogueId,
      Phase phase,
      Phase previousPhase,
      List<String> districts,
      Summary.Totals totals,
      List<Summary.CategoryCount> perCategory,
      List<Summary.DistrictCount> perDistrict,
      Instant occurredAt) {}

  /** The event of a phase change; {@code summary} is needed when results are published. */
  public static OutgoingEvent phaseChanged(
      DialogueView dialogue, Phase from, Phase to, Summary summary) {
    Instant now = Instant.now();
    Object body =
        to == Phase.RESULTS_PUBLISHED
            ? new ResultsPublished(
                dialogue.id(),
                to,
                from,
                dialogue.districts(),
                summary.totals(),
                summary.perCategory(),
                summary.perDistrict(),
                now)
            : new PhaseChanged(dialogue.id(), to, from, dialogue.districts(), now);
    String type =
        switch (to) {
          case RESULTS_PUBLISHED -> RESULTS_PUBLISHED;
          case CLOSED -> CLOSED;
          default -> from == Phase.DRAFT ? OPENED : PHASE_CHANGED;
        };
    String key = dialogue.id().toString();
    return new OutgoingEvent(
        TOPIC, type, key, key, body, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
  }
}

package org.lernstadt.participation.survey.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.dialogue.event.DialogueEvents;
import org.lernstadt.participation.survey.mapping.SurveyResults;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * The published aggregates of a survey on {@code participation.dialogues.v1}, keyed by the
 * dialogue: per question and district, small cells suppressed. The monitoring turns them into
 * indicator values.
 */
public final class SurveyEvents {

  public static final String RESULTS_PUBLISHED =
      "org.lernstadt.participation.survey.results-published.v1";

  private SurveyEvents() {}

  public record ResultsPublished(
      UUID dialogueId,
      UUID surveyId,
      OffsetDateTime publishedAt,
      Instant occurredAt,
      List<SurveyResults.Question> questions) {}

  public static OutgoingEvent published(SurveyResults results) {
    Instant now = Instant.now();
    String key = results.dialogueId().toString();
    return new OutgoingEvent(
        DialogueEvents.TOPIC,
        RESULTS_PUBLISHED,
        key,
        key,
        new ResultsPublished(
            results.dialogueId(),
            results.surveyId(),
            results.publishedAt(),
            now,
            results.questions()),
        OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
  }
}

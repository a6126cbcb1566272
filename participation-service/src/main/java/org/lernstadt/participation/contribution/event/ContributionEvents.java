package org.lernstadt.participation.contribution.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.lernstadt.participation.dialogue.event.DialogueEvents;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * Contributions, comments and ratings on {@code participation.dialogues.v1}, keyed by the dialogue
 * id so that they stay in order with its phases. They carry the participant pseudonym at most,
 * never a subject, name or text.
 */
public final class ContributionEvents {

  public static final String SUBMITTED = "org.lernstadt.participation.contribution.submitted.v1";
  public static final String MODERATED = "org.lernstadt.participation.contribution.moderated.v1";
  public static final String COMMENT_POSTED = "org.lernstadt.participation.comment.posted.v1";
  public static final String RATING_GIVEN = "org.lernstadt.participation.rating.given.v1";

  private ContributionEvents() {}

  public record Submitted(
      UUID dialogueId,
      UUID contributionId,
      String category,
      String district,
      String participant,
      Instant occurredAt) {}

  public record Moderated(
      UUID dialogueId,
      UUID contributionId,
      String decision,
      String district,
      String category,
      Instant occurredAt) {}

  public record CommentPosted(
      UUID dialogueId,
      UUID contributionId,
      UUID commentId,
      String district,
      String participant,
      Instant occurredAt) {}

  public record RatingGiven(
      UUID dialogueId,
      UUID contributionId,
      String district,
      int ratingCount,
      double ratingScore,
      Instant occurredAt) {}

  public static OutgoingEvent submitted(
      UUID dialogueId, UUID id, String category, String district, String participant) {
    Instant now = Instant.now();
    return event(
        SUBMITTED,
        dialogueId,
        new Submitted(dialogueId, id, category, district, participant, now),
        now);
  }

  public static OutgoingEvent moderated(
      UUID dialogueId, UUID id, String decision, String district, String category) {
    Instant now = Instant.now();
    return event(
        MODERATED,
        dialogueId,
        new Moderated(dialogueId, id, decision, district, category, now),
        now);
  }

  public static OutgoingEvent commentPosted(
      UUID dialogueId, UUID contributionId, UUID commentId, String district, String participant) {
    Instant now = Instant.now();
    return event(
        COMMENT_POSTED,
        dialogueId,
        new CommentPosted(dialogueId, contributionId, commentId, district, participant, now),
        now);
  }

  public static OutgoingEvent ratingGiven(
      UUID dialogueId, UUID contributionId, String district, int count, double score) {
    Instant now = Instant.now();
    return event(
        RATING_GIVEN,
        dialogueId,
        new RatingGiven(dialogueId, contributionId, district, count, score, now),
        now);
  }

  private static OutgoingEvent event(String type, UUID dialogueId, Object body, Instant now) {
    String key = dialogueId.toString();
    return new OutgoingEvent(
        DialogueEvents.TOPIC, type, key, key, body, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
  }
}

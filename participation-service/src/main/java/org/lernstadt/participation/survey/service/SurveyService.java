package org.lernstadt.participation.survey.service;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lernstadt.participation.common.PlainText;
import org.lernstadt.participation.contribution.service.Citizens;
import org.lernstadt.participation.dialogue.domain.Action;
import org.lernstadt.participation.dialogue.repository.DialogueRepository;
import org.lernstadt.participation.form.Form;
import org.lernstadt.participation.survey.event.SurveyEvents;
import org.lernstadt.participation.survey.mapping.SurveyResults;
import org.lernstadt.participation.survey.mapping.SurveyView;
import org.lernstadt.participation.survey.repository.SurveyRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.web.ProblemException;

/**
 * A dialogue's questionnaire: editors define it, citizens answer once each while the phase allows
 * responding, editors publish the aggregates (small cells suppressed) as an event.
 */
@ApplicationScoped
public class SurveyService {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final int DEFAULT_MIN_CELL = 5;

  @Inject SurveyRepository surveys;
  @Inject DialogueRepository dialogues;
  @Inject Outbox outbox;

  /** Defines or replaces the questionnaire; refused once anybody answered. */
  public Uni<SurveyView> define(UUID dialogueId, SurveyCommand command) {
    Form form = Form.define(command.fields());
    String title = PlainText.required("title", command.title(), 200);
    int minCell = command.minCellSize() == null ? DEFAULT_MIN_CELL : command.minCellSize();
    return surveys
        .pool()
        .withTransaction(
            conn ->
                dialogues
                    .lock(conn, dialogueId)
                    .map(
                        found ->
                            found.orElseThrow(
                                () -> ProblemException.notFound("Dialogue " + dialogueId)))
                    .chain(() -> surveys.byDialogue(conn, dialogueId, true))
                    .chain(
                        existing ->
                            existing.isEmpty()
                                ? Uni.createFrom().item(UUID.randomUUID())
                                : surveys
                                    .hasResponses(conn, existing.get().id())
                                    .map(
                                        answered -> {
                                          if (answered) {
                                            throw ProblemException.conflict(
                                                "Citizens have answered the survey; its questions can no longer change.");
                                          }
                                          return existing.get().id();
                                        }))
                    .chain(
                        id -> surveys.upsert(conn, id, dialogueId, title, form.fields(), minCell))
                    .chain(() -> surveys.byDialogue(conn, dialogueId, false))
                    .map(found -> found.orElseThrow()));
  }

  /** The questionnaire of a public dialogue. */
  public Uni<SurveyView> get(UUID dialogueId) {
    return dialogues
        .find(dialogues.pool(), dialogueId)
        .map(found -> found.filter(d -> d.phase().isPublic()))
        .chain(
            found ->
                found.isEmpty()
                    ? Uni.createFrom().failure(ProblemException.notFound("Dialogue " + dialogueId))
                    : surveys.byDialogue(surveys.pool(), dialogueId, false))
        .map(found -> found.orElseThrow(() -> notFound(dialogueId)));
  }

  /** The citizen's one response; its district is the answer to the first district question. */
  public Uni<UUID> respond(UUID dialogueId, SurveyCommand.Answers answers, String citizen) {
    Citizens.require(citizen);
    UUID id = UUID.randomUUID();
    return surveys
        .pool()
        .withTransaction(
            conn ->
                dialogues
                    .share(conn, dialogueId)
                    .map(
                        found ->
                            found
                                .filter(d -> d.phase().isPublic())
                                .map(DialogueRepository::rules)
                                .orElseThrow(
                                    () -> ProblemException.notFound("Dialogue " + dialogueId)))
                    .invoke(dialogue -> dialogue.require(Action.RESPOND, OffsetDateTime.now()))
                    .chain(() -> surveys.byDialogue(conn, dialogueId, false))
                    .map(found -> found.orElseThrow(() -> notFound(dialogueId)))
                    .chain(
                        survey -> {
                          Form form = new Form(survey.fields());
                          Map<String, Object> clean = form.check("answers", answers.answers());
                          return surveys.insertResponse(
                              conn, id, survey.id(), citizen, form.district(clean), clean);
                        })
                    .replaceWith(id))
        .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
        .transform(e -> ProblemException.conflict("You have answered this survey already."));
  }

  /** Publishes the aggregates once and reports them. */
  public Uni<SurveyResults> publish(UUID dialogueId) {
    return surveys
        .pool()
        .withTransaction(
            conn ->
                surveys
                    .byDialogue(conn, dialogueId, true)
                    .map(found -> found.orElseThrow(() -> notFound(dialogueId)))
                    .chain(
                        survey -> {
                          if (survey.publishedAt() != null) {
                            throw ProblemException.conflict(
                                "The survey's results are published already.");
                          }
                          return surveys
                              .markPublished(conn, survey.id())
                              .chain(() -> aggregate(conn, dialogueId))
                              .call(
                                  r -> outbox.appendAll(conn, List.of(SurveyEvents.published(r))));
                        }));
  }

  /** The published aggregates. */
  public Uni<SurveyResults> results(UUID dialogueId) {
    return aggregate(surveys.pool(), dialogueId)
        .invoke(
            r -> {
              if (r.publishedAt() == null) {
                throw ProblemException.notFound(
                    "Published results of the survey of dialogue " + dialogueId);
              }
            });
  }

  private Uni<SurveyResults> aggregate(io.vertx.mutiny.sqlclient.SqlClient sql, UUID dialogueId) {
    return surveys
        .byDialogue(sql, dialogueId, false)
        .map(found -> found.orElseThrow(() -> notFound(dialogueId)))
        .chain(
            survey ->
                surveys
                    .responses(sql, survey.id())
                    .map(
                        rows ->
                            SurveyAggregates.of(
                                dialogueId,
                                survey.id(),
                                survey.publishedAt(),
                                new Form(survey.fields()),
                                survey.minCellSize(),
                                rows.stream()
                                    .map(
                                        r ->
                                            new SurveyAggregates.Response(
                                                r.district(), r.answers()))
                                    .toList())));
  }

  private static ProblemException notFound(UUID dialogueId) {
    return ProblemException.notFound("The survey of dialogue " + dialogueId);
  }
}

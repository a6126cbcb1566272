package org.lernstadt.participation.observation.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lernstadt.participation.common.PlainText;
import org.lernstadt.participation.common.RateLimiter;
import org.lernstadt.participation.contribution.service.Citizens;
import org.lernstadt.participation.form.Form;
import org.lernstadt.participation.observation.event.ObservationEvents;
import org.lernstadt.participation.observation.mapping.ObservationView;
import org.lernstadt.participation.observation.mapping.ProjectView;
import org.lernstadt.participation.observation.repository.ObservationRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.web.ProblemException;

/**
 * Citizen science: editors define a project's fields with the same form mechanism as surveys;
 * citizens submit observations with a point and a time; moderators accept or reject them; accepted
 * ones are open data and reported as an event.
 */
@ApplicationScoped
public class ObservationService {

  private static final int LIST_LIMIT = 1000;

  @Inject ObservationRepository observations;
  @Inject RateLimiter rateLimiter;
  @Inject Outbox outbox;

  public Uni<ProjectView> createProject(ObservationCommands.Project command, String editor) {
    Form form = Form.define(command.fields());
    UUID id = UUID.randomUUID();
    return observations
        .insertProject(
            observations.pool(),
            id,
            PlainText.required("title", command.title(), 200),
            command.description() == null ? "" : PlainText.of(command.description()),
            form.fields(),
            editor)
        .chain(() -> project(id));
  }

  public Uni<ProjectView> project(UUID id) {
    return observations
        .project(observations.pool(), id)
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Project " + id)));
  }

  /** A citizen's observation, checked against the project's fields; it waits for review. */
  public Uni<ObservationView> submit(
      UUID projectId, ObservationCommands.Observation command, String citizen) {
    Citizens.require(citizen);
    UUID id = UUID.randomUUID();
    return project(projectId)
        .chain(
            project -> {
              Form form = new Form(project.fields());
              Map<String, Object> values = form.check("values", command.values());
              rateLimiter.acquire(RateLimiter.Kind.CONTRIBUTION, citizen, projectId);
              return observations
                  .insertObservation(
                      observations.pool(),
                      id,
                      projectId,
                      citizen,
                      form.district(values),
                      command.location().lat(),
                      command.location().lon(),
                      command.observedAt(),
                      command.photoRef(),
                      values)
                  .chain(() -> observations.observation(observations.pool(), projectId, id, false))
                  .map(found -> found.orElseThrow());
            });
  }

  /** Open data: the accepted observations. */
  public Uni<List<ObservationView>> accepted(UUID projectId) {
    return project(projectId).chain(p -> observations.byStatus(projectId, "ACCEPTED", LIST_LIMIT));
  }

  /** For moderators: the observations waiting for review. */
  public Uni<List<ObservationView>> pending(UUID projectId) {
    return project(projectId).chain(p -> observations.byStatus(projectId, "SUBMITTED", LIST_LIMIT));
  }

  public Uni<ObservationView> review(
      UUID projectId, UUID observationId, ObservationCommands.Review command, String moderator) {
    String reason = PlainText.optional("reason", command.reason(), 1000);
    boolean accept = "ACCEPT".equals(command.decision());
    return observations
        .pool()
        .withTransaction(
            conn ->
                observations
                    .observation(conn, projectId, observationId, true)
                    .map(
                        found ->
                            found.orElseThrow(
                                () -> ProblemException.notFound("Observation " + observationId)))
                    .chain(
                        o -> {
                          if (!"SUBMITTED".equals(o.status())) {
                            throw ProblemException.conflict(
                                "The observation is " + o.status() + " already.");
                          }
                          return observations
                              .review(
                                  conn,
                                  observationId,
                                  accept ? "ACCEPTED" : "REJECTED",
                                  reason,
                                  moderator)
                              .chain(
                                  () ->
                                      accept
                                          ? outbox
                                              .appendAll(
                                                  conn,
                                                  List.of(
                                                      ObservationEvents.accepted(
                                                          projectId, observationId, o.district())))
                                              .replaceWithVoid()
                                          : Uni.createFrom().voidItem())
                              .chain(
                                  () ->
                                      observations.observation(
                                          conn, projectId, observationId, false))
                              .map(found -> found.orElseThrow());
                        }));
  }
}

package org.lernstadt.participation.meeting.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.common.PlainText;
import org.lernstadt.participation.contribution.service.Citizens;
import org.lernstadt.participation.dialogue.repository.DialogueRepository;
import org.lernstadt.participation.meeting.event.MeetingEvents;
import org.lernstadt.participation.meeting.mapping.MeetingView;
import org.lernstadt.participation.meeting.mapping.RegistrationView;
import org.lernstadt.participation.meeting.repository.MeetingRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;
import org.lernstadt.platform.web.ProblemException;

/**
 * Events of the city's participation (kick-off, roundtables, workshops): citizens register while
 * places are free, else join the waiting list, which moves up by itself when someone cancels; the
 * city records the attendance afterwards. Events carry counts only.
 */
@ApplicationScoped
public class MeetingService {

  private static final String UNIQUE_VIOLATION = "23505";

  @Inject MeetingRepository meetings;
  @Inject DialogueRepository dialogues;
  @Inject Outbox outbox;

  /** A registration and whether this call made it. */
  public record Registered(RegistrationView registration, boolean created) {}

  public Uni<MeetingView> schedule(MeetingCommand command, String editor) {
    if (command.place() == null && command.onlineUrl() == null) {
      throw ProblemException.invalid("place", "give a place or an onlineUrl");
    }
    if (command.endsAt() != null && !command.endsAt().isAfter(command.startsAt())) {
      throw ProblemException.invalid("endsAt", "must be after startsAt");
    }
    MeetingCommand clean =
        new MeetingCommand(
            command.dialogueId(),
            command.kind(),
            PlainText.required("title", command.title(), 200),
            command.description() == null ? "" : PlainText.of(command.description()),
            command.startsAt(),
            command.endsAt(),
            PlainText.optional("place", command.place(), 500),
            command.onlineUrl(),
            command.district(),
            command.capacity());
    UUID id = UUID.randomUUID();
    return meetings
        .pool()
        .withTransaction(
            conn ->
                (clean.dialogueId() == null
                        ? Uni.createFrom().voidItem()
                        : dialogues
                            .find(conn, clean.dialogueId())
                            .invoke(
                                found -> {
                                  if (found.isEmpty()) {
                                    throw ProblemException.invalid(
                                        "dialogueId", "no dialogue has this id");
                                  }
                                })
                            .replaceWithVoid())
                    .chain(() -> meetings.insert(conn, id, clean, editor))
                    .chain(() -> meetings.find(conn, id))
                    .map(found -> found.orElseThrow())
                    .call(e -> outbox.appendAll(conn, List.of(MeetingEvents.scheduled(e)))));
  }

  public Uni<MeetingView> get(UUID id) {
    return meetings.find(meetings.pool(), id).map(found -> found.orElseThrow(() -> notFound(id)));
  }

  public Uni<List<MeetingView>> list(
      UUID dialogueId, String district, OffsetDateTime from, int limit) {
    return meetings.list(dialogueId, district, from == null ? OffsetDateTime.now() : from, limit);
  }

  /**
   * Registers the citizen: a free place, else the end of the waiting list. An active registration
   * is returned as it is.
   */
  public Uni<Registered> register(UUID eventId, String citizen) {
    Citizens.require(citizen);
    UUID id = UUID.randomUUID();
    return meetings
        .pool()
        .withTransaction(
            conn ->
                meetings
                    .lock(conn, eventId)
                    .map(found -> found.orElseThrow(() -> notFound(eventId)))
                    .chain(
                        event -> {
                          if (!event.startsAt().isAfter(OffsetDateTime.now())) {
                            throw ProblemException.conflict(
                                "The event has begun; registration is closed.");
                          }
                          return meetings
                              .active(conn, eventId, citizen)
                              .chain(
                                  existing -> {
                                    if (existing.isPresent()) {
                                      return Uni.createFrom()
                                          .item(new Registered(existing.get(), false));
                                    }
                                    boolean free = event.registered() < event.capacity();
                                    return meetings
                                        .register(
                                            conn,
                                            id,
                                            eventId,
                                            citizen,
                                            free ? "REGISTERED" : "WAITLISTED")
                                        .chain(
                                            () ->
                                                meetings.count(
                                                    conn, eventId, free ? 1 : 0, free ? 0 : 1))
                                        .chain(() -> countsChanged(conn, eventId))
                                        .chain(() -> meetings.registration(conn, id))
                                        .map(r -> new Registered(r, true));
                                  });
                        }))
        .onFailure(MeetingService::isUniqueViolation)
        .transform(
            e -> ProblemException.conflict("Your registration is being made at the same time."));
  }

  public Uni<RegistrationView> mine(UUID eventId, String citizen) {
    Citizens.require(citizen);
    return meetings
        .active(meetings.pool(), eventId, citizen)
        .map(found -> found.orElseThrow(() -> notRegistered(eventId)));
  }

  /** Cancels the citizen's registration; a freed place goes to the first on the waiting list. */
  public Uni<RegistrationView> cancel(UUID eventId, String citizen) {
    Citizens.require(citizen);
    return meetings
        .pool()
        .withTransaction(
            conn ->
                meetings
                    .lock(conn, eventId)
                    .map(found -> found.orElseThrow(() -> notFound(eventId)))
                    .chain(() -> meetings.active(conn, eventId, citizen))
                    .map(found -> found.orElseThrow(() -> notRegistered(eventId)))
                    .chain(
                        registration -> {
                          boolean hadPlace = "REGISTERED".equals(registration.status());
                          return meetings
                              .cancel(conn, registration.id())
                              .chain(
                                  () ->
                                      meetings.count(
                                          conn, eventId, hadPlace ? -1 : 0, hadPlace ? 0 : -1))
                              .chain(
                                  () ->
                                      hadPlace
                                          ? meetings
                                              .moveUp(conn, eventId)
                                              .chain(
                                                  moved ->
                                                      moved
                                                          ? meetings.count(conn, eventId, 1, -1)
                                                          : Uni.createFrom().voidItem())
                                          : Uni.createFrom().voidItem())
                              .chain(() -> countsChanged(conn, eventId))
                              .chain(() -> meetings.registration(conn, registration.id()));
                        }));
  }

  /** Records how many came; only once the event has begun. */
  public Uni<MeetingView> attendance(UUID eventId, int attendance) {
    return meetings
        .pool()
        .withTransaction(
            conn ->
                meetings
                    .lock(conn, eventId)
                    .map(found -> found.orElseThrow(() -> notFound(eventId)))
                    .chain(
                        event -> {
                          if (event.startsAt().isAfter(OffsetDateTime.now())) {
                            throw ProblemException.conflict(
                                "The event has not begun; record the attendance afterwards.");
                          }
                          return meetings
                              .attendance(conn, eventId, attendance)
                              .chain(() -> meetings.find(conn, eventId))
                              .map(found -> found.orElseThrow())
                              .call(
                                  e -> outbox.appendAll(conn, List.of(MeetingEvents.attended(e))));
                        }));
  }

  private Uni<Void> countsChanged(SqlConnection conn, UUID eventId) {
    return meetings
        .find(conn, eventId)
        .chain(
            e -> {
              OutgoingEvent event = MeetingEvents.registration(e.orElseThrow());
              return outbox.appendAll(conn, List.of(event));
            })
        .replaceWithVoid();
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("Event " + id);
  }

  private static ProblemException notRegistered(UUID id) {
    return ProblemException.notFound("Your registration for event " + id);
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }
}

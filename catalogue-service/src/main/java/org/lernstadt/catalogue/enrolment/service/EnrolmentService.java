package org.lernstadt.catalogue.enrolment.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.lernstadt.catalogue.enrolment.domain.EnrolableOffer;
import org.lernstadt.catalogue.enrolment.domain.EnrolmentStatus;
import org.lernstadt.catalogue.enrolment.domain.Tally;
import org.lernstadt.catalogue.enrolment.event.EnrolmentEvents;
import org.lernstadt.catalogue.enrolment.mapping.EnrolmentView;
import org.lernstadt.catalogue.enrolment.repository.EnrolmentRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;
import org.lernstadt.platform.web.ProblemException;

/**
 * Citizens enrol in offers with a capacity, wait for a place when the group is full, and cancel.
 * Each operation is one transaction that locks the offer's tally first, so the enrolments of one
 * offer run one after the other; the database refuses more enrolled than the capacity. The events
 * of the change (counts only) are written to the outbox in the same transaction.
 */
@ApplicationScoped
public class EnrolmentService {

  private static final String UNIQUE_VIOLATION = "23505";

  @Inject EnrolmentRepository enrolments;
  @Inject Outbox outbox;

  /**
   * Enrols the citizen: a free place makes them ENROLLED, a full group WAITLISTED. A citizen with
   * an active enrolment in the offer gets that one back, unchanged and without an event.
   *
   * @param citizen the citizen's subject id (the token's {@code sub})
   */
  public Uni<EnrolmentResult> enrol(UUID offerId, String citizen) {
    requireCitizen(citizen);
    return enrolments
        .pool()
        .withTransaction(
            conn -> {
              List<OutgoingEvent> events = new ArrayList<>();
              return enrolments
                  .lockOffer(conn, offerId)
                  .map(found -> open(found, offerId))
                  .chain(
                      offer ->
                          enrolments
                              .lockTallyForEnrolment(conn, offerId, offer.capacity())
                              .chain(tally -> moveUp(conn, offer, tally, events))
                              .chain(() -> enrolments.active(conn, offerId, citizen))
                              .chain(
                                  existing ->
                                      existing.isPresent()
                                          ? Uni.createFrom()
                                              .item(new EnrolmentResult(existing.get(), false))
                                          : place(conn, offer, citizen, events)))
                  .call(() -> outbox.appendAll(conn, events));
            })
        .onFailure(EnrolmentService::isUniqueViolation)
        .transform(
            e ->
                ProblemException.conflict(
                    "An enrolment of yours in this offer is being made at the same time."));
  }

  /** The citizen's active enrolment in the offer, else their latest cancelled one. */
  public Uni<EnrolmentView> mine(UUID offerId, String citizen) {
    requireCitizen(citizen);
    return enrolments
        .latest(enrolments.pool(), offerId, citizen)
        .map(found -> found.orElseThrow(() -> notEnrolled(offerId)));
  }

  /** One of the citizen's own enrolments; another citizen's is not found. */
  public Uni<EnrolmentView> get(UUID enrolmentId, String citizen) {
    requireCitizen(citizen);
    return enrolments
        .byId(enrolments.pool(), enrolmentId, citizen)
        .map(
            found ->
                found.orElseThrow(() -> ProblemException.notFound("Enrolment " + enrolmentId)));
  }

  /** Cancels the citizen's active enrolment in the offer; see {@link #cancel(UUID, String)}. */
  public Uni<EnrolmentView> cancelMine(UUID offerId, String citizen) {
    requireCitizen(citizen);
    return enrolments
        .pool()
        .withTransaction(
            conn ->
                cancelIn(
                    conn,
                    offerId,
                    () -> enrolments.active(conn, offerId, citizen),
                    () -> notEnrolled(offerId)));
  }

  /**
   * Cancels one of the citizen's own enrolments. A freed place goes to the first on the waiting
   * list in the same transaction. Cancelling a cancelled enrolment returns it unchanged; another
   * citizen's enrolment is not found and stays as it is.
   */
  public Uni<EnrolmentView> cancel(UUID enrolmentId, String citizen) {
    requireCitizen(citizen);
    return enrolments
        .pool()
        .withTransaction(
            conn ->
                enrolments
                    .offerOf(conn, enrolmentId, citizen)
                    .chain(
                        offerId ->
                            cancelIn(
                                conn,
                                offerId.orElseThrow(
                                    () -> ProblemException.notFound("Enrolment " + enrolmentId)),
                                () -> enrolments.byId(conn, enrolmentId, citizen),
                                () -> ProblemException.notFound("Enrolment " + enrolmentId))));
  }

  private Uni<EnrolmentView> cancelIn(
      SqlConnection conn,
      UUID offerId,
      Supplier<Uni<Optional<EnrolmentView>>> target,
      Supplier<ProblemException> missing) {
    List<OutgoingEvent> events = new ArrayList<>();
    return enrolments
        .lockOffer(conn, offerId)
        .map(found -> found.orElseThrow(missing))
        .chain(
            offer ->
                enrolments
                    .lockTally(conn, offerId)
                    .map(tally -> tally.orElseThrow(missing))
                    // Read under the tally's lock: no one else changes this group meanwhile.
                    .chain(() -> target.get())
                    .map(found -> found.orElseThrow(missing))
                    .chain(
                        enrolment -> {
                          EnrolmentStatus status = EnrolmentStatus.valueOf(enrolment.status());
                          if (!status.isActive()) {
                            return Uni.createFrom().item(enrolment);
                          }
                          return enrolments
                              .cancel(conn, enrolment.id())
                              .chain(
                                  () ->
                                      status == EnrolmentStatus.ENROLLED
                                          ? enrolments.releasePlace(conn, offerId, offer.capacity())
                                          : enrolments.leaveWaitlist(conn, offerId))
                              .invoke(
                                  tally ->
                                      events.add(
                                          EnrolmentEvents.of(
                                              EnrolmentEvents.CANCELLED, offer, tally)))
                              .chain(tally -> moveUp(conn, offer, tally, events))
                              .chain(() -> outbox.appendAll(conn, events))
                              .chain(() -> enrolments.load(conn, enrolment.id()));
                        }));
  }

  /** A new enrolment: a free place if there is one, else the end of the waiting list. */
  private Uni<EnrolmentResult> place(
      SqlConnection conn, EnrolableOffer offer, String citizen, List<OutgoingEvent> events) {
    UUID id = UUID.randomUUID();
    return enrolments
        .takePlace(conn, offer.id())
        .chain(
            taken -> {
              if (taken.isPresent()) {
                events.add(EnrolmentEvents.of(EnrolmentEvents.OPENED, offer, taken.get()));
                return enrolments.insert(conn, id, offer.id(), citizen, EnrolmentStatus.ENROLLED);
              }
              return enrolments
                  .joinWaitlist(conn, offer.id())
                  .invoke(
                      tally ->
                          events.add(EnrolmentEvents.of(EnrolmentEvents.WAITLISTED, offer, tally)))
                  .chain(
                      () ->
                          enrolments.insert(
                              conn, id, offer.id(), citizen, EnrolmentStatus.WAITLISTED));
            })
        .chain(() -> enrolments.load(conn, id))
        .map(view -> new EnrolmentResult(view, true));
  }

  /**
   * Gives the free places of a group that takes enrolments to the first on its waiting list: after
   * a cancellation, and on any enrolment in case the provider raised the capacity meanwhile (so
   * nobody new overtakes the waiting list). One event per move.
   */
  private Uni<Tally> moveUp(
      SqlConnection conn, EnrolableOffer offer, Tally tally, List<OutgoingEvent> events) {
    int places = Math.min(tally.freePlaces(), tally.waitlisted());
    if (!offer.takesEnrolments() || places == 0) {
      return Uni.createFrom().item(tally);
    }
    return enrolments
        .promote(conn, offer.id(), places)
        .map(
            promotion -> {
              for (int i = 1; i <= promotion.movedUp(); i++) {
                events.add(
                    EnrolmentEvents.of(
                        EnrolmentEvents.OPENED,
                        offer,
                        new Tally(
                            promotion.tally().capacity(),
                            tally.enrolled() + i,
                            tally.waitlisted() - i)));
              }
              return promotion.tally();
            });
  }

  /** The offer if a citizen may enrol in it now; else why not. */
  private static EnrolableOffer open(Optional<EnrolableOffer> found, UUID offerId) {
    EnrolableOffer offer =
        found
            // Drafts and withdrawn offers are not public: they are not found.
            .filter(o -> "PUBLISHED".equals(o.status()) || "CANCELLED".equals(o.status()))
            .orElseThrow(() -> ProblemException.notFound("Offer " + offerId));
    if (!"PUBLISHED".equals(offer.status())) {
      throw ProblemException.conflict(
          "The offer is " + offer.status() + "; only a published offer takes enrolments.");
    }
    if (offer.capacity() == null) {
      throw ProblemException.conflict(
          "The offer has no capacity: it takes no enrolment here; see its registration link.");
    }
    return offer;
  }

  private static ProblemException notEnrolled(UUID offerId) {
    return ProblemException.notFound("Your enrolment in offer " + offerId);
  }

  private static void requireCitizen(String citizen) {
    if (citizen == null || citizen.isBlank()) {
      throw new ProblemException(403, "Forbidden", "The token does not name a subject (sub).");
    }
  }

  private static boolean isUniqueViolation(Throwable e) {
    return e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }
}

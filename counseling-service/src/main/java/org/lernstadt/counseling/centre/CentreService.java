package org.lernstadt.counseling.centre;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.platform.web.ProblemException;
import org.lernstadt.platform.web.TextQuery;

/** Centres and the slots their counsellors publish. */
@ApplicationScoped
public class CentreService {

  private static final Duration LONGEST_SLOT = Duration.ofHours(8);

  @Inject CentreRepository centres;
  @Inject Membership membership;

  /** The centres by name; {@code name} and {@code district} narrow them when present. */
  public Uni<List<CentreView>> list(TextQuery name, String district) {
    return centres.matching(centres.pool(), name == null ? null : name.containsPattern(), district);
  }

  public Uni<CentreView> get(UUID id) {
    return centres
        .byId(centres.pool(), id)
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Centre " + id)));
  }

  /** Registers or replaces a centre (administrators). */
  public Uni<CentreView> put(UUID id, CentreCommand command) {
    return centres
        .pool()
        .withTransaction(conn -> centres.upsert(conn, id, command))
        .chain(() -> get(id));
  }

  /** Makes a Keycloak subject a counsellor (or lead) of the centre. */
  public Uni<Void> putMember(UUID centreId, String subject, boolean lead) {
    return get(centreId)
        .chain(
            c ->
                centres
                    .pool()
                    .withTransaction(conn -> centres.putMember(conn, centreId, subject, lead)));
  }

  /**
   * Ends a membership. A counsellor who still has slots in the centre stays (their slots refer to
   * the membership): 409.
   */
  public Uni<Void> removeMember(UUID centreId, String subject) {
    return centres
        .pool()
        .withTransaction(conn -> centres.removeMember(conn, centreId, subject))
        .onFailure(e -> org.lernstadt.counseling.common.Sql.isViolation(e, "23503"))
        .transform(
            e ->
                ProblemException.conflict(
                    "The counsellor still has slots in this centre; they stay a member."))
        .invoke(
            removed -> {
              if (!removed) {
                throw ProblemException.notFound("Membership of " + subject + " in " + centreId);
              }
            })
        .replaceWithVoid();
  }

  /** The centre's slots in a window (default: the next 28 days). */
  public Uni<List<SlotView>> slots(UUID centreId, OffsetDateTime from, OffsetDateTime to) {
    OffsetDateTime start = from != null ? from : OffsetDateTime.now();
    OffsetDateTime end = to != null ? to : start.plusDays(28);
    if (!end.isAfter(start)) {
      throw ProblemException.invalid("to", "must be after from");
    }
    return get(centreId).chain(c -> centres.slots(centres.pool(), centreId, start, end));
  }

  /** A counsellor publishes a slot of their own in one of their centres. */
  public Uni<SlotView> publish(UUID centreId, SlotCommand slot, Caller caller) {
    if (!slot.end().isAfter(slot.start())) {
      throw ProblemException.invalid("end", "must be after start");
    }
    if (Duration.between(slot.start(), slot.end()).compareTo(LONGEST_SLOT) > 0) {
      throw ProblemException.invalid("end", "a slot lasts at most 8 hours");
    }
    return centres
        .pool()
        .withTransaction(
            conn ->
                membership
                    .of(conn, caller.subject())
                    .chain(
                        mine -> {
                          if (!mine.memberOf(centreId)) {
                            throw new ProblemException(
                                403, "Forbidden", "You are not a counsellor of centre " + centreId);
                          }
                          return centres.insertSlot(
                              conn, UUID.randomUUID(), centreId, caller.subject(), slot);
                        }));
  }
}

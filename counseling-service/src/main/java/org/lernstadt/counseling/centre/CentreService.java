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

/** Centres and the slots their counsellors publish. */
@ApplicationScoped
public class CentreService {

  private static final Duration LONGEST_SLOT = Duration.ofHours(8);

  @Inject CentreRepository centres;
  @Inject Membership membership;

  public Uni<List<CentreView>> all() {
    return centres.all(centres.pool());
  }

  public Uni<CentreView> get(UUID id) {
    return centres
        .byId(centres.pool(), id)
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Centre " + id)));
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

package org.lernstadt.counseling.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Sql;
import org.lernstadt.counseling.common.Tokens;
import org.lernstadt.counseling.privacy.PersonKey;
import org.lernstadt.counseling.privacy.PersonKeys;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.web.ProblemException;

/**
 * Citizens book and cancel appointments. No double booking and no overlap of a counsellor's
 * appointments: the database's exclusion constraint decides, so concurrent requests for one slot
 * give exactly one booking. The limit of open bookings per person holds under concurrency because
 * the bookings of one holder are serialised by an advisory lock.
 */
@ApplicationScoped
public class BookingService {

  @Inject BookingRepository bookings;
  @Inject PersonKeys keys;
  @Inject Outbox outbox;
  @Inject ObjectMapper json;

  @ConfigProperty(name = "lernstadt.counseling.booking.min-cancel-notice")
  Duration minCancelNotice;

  @ConfigProperty(name = "lernstadt.counseling.booking.max-open")
  int maxOpen;

  public Uni<BookingView> book(BookingCommand command, Caller caller) {
    BookingCommand.Contact contact = command.contact();
    String identifying = contact == null ? null : contact.identifying();
    if (caller.isAnonymous() && identifying == null) {
      throw ProblemException.invalid(
          "contact", "an e-mail address or a phone number is needed to book without logging in");
    }
    String holder =
        caller.isAnonymous() ? "contact:" + keys.pseudonym(identifying) : "sub:" + caller.subject();
    String code = caller.isAnonymous() ? Tokens.newCode() : null;
    UUID id = UUID.randomUUID();
    return bookings
        .pool()
        .withTransaction(
            conn ->
                bookings
                    .lockHolder(conn, holder)
                    .chain(() -> bookings.slot(conn, command.slotId()))
                    .map(
                        found ->
                            found.orElseThrow(
                                () -> ProblemException.notFound("Slot " + command.slotId())))
                    .invoke(
                        slot -> {
                          if (!slot.start().isAfter(OffsetDateTime.now())) {
                            throw ProblemException.conflict("The slot has already begun.");
                          }
                        })
                    .chain(() -> bookings.openCount(conn, holder))
                    .invoke(
                        open -> {
                          if (open >= maxOpen) {
                            throw ProblemException.conflict(
                                "You have "
                                    + open
                                    + " open bookings; at most "
                                    + maxOpen
                                    + " are allowed at a time.");
                          }
                        })
                    .chain(() -> insert(conn, id, command, holder, identifying, code)))
        .onFailure(e -> Sql.isViolation(e, Sql.EXCLUSION_VIOLATION))
        .transform(
            e ->
                ProblemException.conflict(
                    "The slot is taken: the counsellor has another appointment at that time."))
        .map(booked -> booked.view().withCode(code));
  }

  private Uni<Booked> insert(
      SqlConnection conn,
      UUID id,
      BookingCommand command,
      String holder,
      String identifying,
      String code) {
    byte[] codeHash = code == null ? null : Tokens.sha256(code);
    Uni<PersonKey> key = identifying == null ? Uni.createFrom().nullItem() : keys.create(conn);
    return key.chain(
            k ->
                bookings.insert(
                    conn,
                    id,
                    command.slotId(),
                    holder,
                    k == null ? null : k.personId(),
                    k == null ? null : k.seal(write(command.contact())),
                    codeHash))
        .call(booked -> outbox.appendAll(conn, List.of(BookingEvents.made(booked))));
  }

  /**
   * Cancels a booking: its holder (logged in) or whoever has its cancellation code may; for anyone
   * else it is not found. Cancelling a cancelled booking returns it unchanged.
   */
  public Uni<BookingView> cancel(UUID id, String code, Caller caller) {
    return bookings
        .pool()
        .withTransaction(
            conn ->
                bookings
                    .load(conn, id, true)
                    .map(
                        found ->
                            found
                                .filter(b -> mayCancel(b, code, caller))
                                .orElseThrow(() -> ProblemException.notFound("Booking " + id)))
                    .chain(
                        booking -> {
                          if (!"BOOKED".equals(booking.status())) {
                            return Uni.createFrom().item(booking);
                          }
                          if (OffsetDateTime.now().plus(minCancelNotice).isAfter(booking.start())) {
                            throw ProblemException.conflict(
                                "A booking can be cancelled until "
                                    + minCancelNotice.toHours()
                                    + " hours before it starts; please call the centre.");
                          }
                          return bookings
                              .cancel(conn, id)
                              .call(
                                  c -> outbox.appendAll(conn, List.of(BookingEvents.cancelled(c))));
                        }))
        .map(Booked::view);
  }

  private static boolean mayCancel(Booked booking, String code, Caller caller) {
    if (!caller.isAnonymous() && booking.holder().equals("sub:" + caller.subject())) {
      return true;
    }
    return code != null
        && booking.cancelCodeHash() != null
        && MessageDigest.isEqual(booking.cancelCodeHash(), Tokens.sha256(code));
  }

  private String write(BookingCommand.Contact contact) {
    try {
      return json.writeValueAsString(contact);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

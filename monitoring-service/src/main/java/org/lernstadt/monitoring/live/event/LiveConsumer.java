package org.lernstadt.monitoring.live.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lernstadt.monitoring.live.repository.FactRepository;
import org.lernstadt.monitoring.live.service.Computation;
import org.lernstadt.monitoring.live.service.LiveComputer;
import org.lernstadt.monitoring.live.service.LiveComputer.Touched;
import org.lernstadt.monitoring.live.service.SurveyResults;
import org.lernstadt.platform.events.EventConsumer;
import org.lernstadt.platform.events.IncomingEvent;
import org.lernstadt.platform.events.MalformedEventException;

/**
 * Turns the catalogue's, counselling's and participation's events into facts and marks the
 * indicators they move for the recompute, exactly once per event (inbox) and in the event's
 * transaction. Types the monitoring does not count are acknowledged without effect.
 */
@ApplicationScoped
public class LiveConsumer {

  public static final String CONSUMER = "monitoring-live";
  public static final String CHANNEL = "monitoring-in";

  private static final String CATALOGUE = "org.lernstadt.catalogue.";
  private static final String COUNSELING = "org.lernstadt.counseling.";
  private static final String PARTICIPATION = "org.lernstadt.participation.";
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_+-]{1,60}");
  private static final Set<Computation> OFFER_COMPUTATIONS =
      EnumSet.of(
          Computation.OFFERS,
          Computation.FREE_OFFERS,
          Computation.SENIOR_OFFERS,
          Computation.PARENT_OFFERS,
          Computation.ESD_OFFERS);

  @Inject EventConsumer consumer;
  @Inject FactRepository facts;
  @Inject LiveComputer computer;
  @Inject SurveyResults surveys;

  @Incoming(CHANNEL)
  public Uni<Void> consume(Message<String> message) {
    return consumer.handle(CONSUMER, message, this::apply);
  }

  Uni<Void> apply(IncomingEvent event) {
    JsonNode d = event.data();
    return switch (event.type()) {
      case CATALOGUE + "offer.published.v1",
          CATALOGUE + "offer.updated.v1",
          CATALOGUE + "offer.archived.v1" ->
          offer(d, true);
      case CATALOGUE + "offer.cancelled.v1", CATALOGUE + "offer.withdrawn.v1" -> offer(d, false);
      case COUNSELING + "case.opened.v1" ->
          count(event, "CASE_OPENED", "caseId", text(d, "transition"), Computation.CASES_OPENED);
      case COUNSELING + "case.closed.v1" ->
          count(event, "CASE_CLOSED", "caseId", text(d, "transition"), Computation.CASES_CLOSED);
      case COUNSELING + "referral.made.v1" ->
          count(event, "REFERRAL_MADE", "referralId", "", Computation.REFERRALS);
      case COUNSELING + "referral.completed.v1" -> referralCompleted(event);
      case COUNSELING + "booking.made.v1" -> booking(event);
      case COUNSELING + "booking.cancelled.v1" -> bookingCancelled(event);
      case COUNSELING + "case.erased.v1" -> facts.forget(text(d, "caseId")).replaceWithVoid();
      case PARTICIPATION + "contribution.submitted.v1" ->
          participation(event, "CONTRIBUTION", "contributionId");
      case PARTICIPATION + "comment.posted.v1" -> participation(event, "COMMENT", "commentId");
      case PARTICIPATION + "event.attended.v1" -> attended(event);
      case PARTICIPATION + "survey.results-published.v1" ->
          surveys.apply(d, instant(d, "occurredAt"));
      default -> Uni.createFrom().voidItem();
    };
  }

  private Uni<Void> offer(JsonNode d, boolean visible) {
    UUID offerId = uuid(d, "offerId");
    int version = d.path("version").asInt(0);
    List<String> districts = codes(d, "districts");
    OffsetDateTime first = optionalInstant(d, "firstStart");
    OffsetDateTime last = optionalInstant(d, "lastEnd");
    int fallback = OffsetDateTime.now().getYear();
    int firstYear = first != null ? first.getYear() : last != null ? last.getYear() : fallback;
    int lastYear = Math.max(firstYear, last != null ? last.getYear() : firstYear);
    return facts
        .offer(offerId)
        .chain(
            stored -> {
              if (stored.isPresent() && stored.get().version() > version) {
                return Uni.createFrom().voidItem(); // an older state arriving late
              }
              Set<Touched> touched = new LinkedHashSet<>();
              stored.ifPresent(s -> touch(touched, s.districts(), s.firstYear(), s.lastYear()));
              touch(touched, districts, firstYear, lastYear);
              return facts
                  .putOffer(
                      offerId,
                      visible,
                      districts,
                      codes(d, "topics"),
                      codes(d, "lifePhases"),
                      codes(d, "targetGroups"),
                      d.path("free").asBoolean(false),
                      firstYear,
                      lastYear,
                      version)
                  .chain(() -> computer.mark(OFFER_COMPUTATIONS, touched));
            });
  }

  private static void touch(Set<Touched> touched, List<String> districts, int from, int to) {
    for (int year = from; year <= to; year++) {
      touched.add(new Touched(null, year));
      for (String district : districts) {
        touched.add(new Touched(district, year));
      }
    }
  }

  private Uni<Void> count(
      IncomingEvent event,
      String kind,
      String subjectField,
      String category,
      Computation computation) {
    JsonNode d = event.data();
    OffsetDateTime at = instant(d, "occurredAt");
    String district = district(d);
    return facts
        .record(
            event.id(),
            kind,
            text(d, subjectField),
            district,
            at.getYear(),
            category,
            BigDecimal.ONE,
            null,
            at)
        .chain(
            () -> computer.mark(Set.of(computation), Set.of(new Touched(district, at.getYear()))));
  }

  /** Counts in the year and district the referral was made in. */
  private Uni<Void> referralCompleted(IncomingEvent event) {
    JsonNode d = event.data();
    OffsetDateTime at = instant(d, "occurredAt");
    String referral = text(d, "referralId");
    return facts
        .record(
            event.id(),
            "REFERRAL_COMPLETED",
            referral,
            district(d),
            at.getYear(),
            "",
            BigDecimal.ONE,
            null,
            at)
        .chain(() -> facts.placeOf(referral, "REFERRAL_MADE"))
        .chain(
            made ->
                computer.mark(
                    Set.of(Computation.REFERRALS),
                    Set.of(
                        made.map(p -> new Touched(p.district(), p.year()))
                            .orElse(new Touched(district(d), at.getYear())))));
  }

  /** Waiting time = slot start − booked at, in days (to the hundredth), in the year of booking. */
  private Uni<Void> booking(IncomingEvent event) {
    JsonNode d = event.data();
    OffsetDateTime booked = instant(d, "bookedAt");
    OffsetDateTime slot = instant(d, "slotStart");
    BigDecimal days =
        BigDecimal.valueOf(Duration.between(booked, slot).toMinutes())
            .divide(BigDecimal.valueOf(24 * 60), 2, RoundingMode.HALF_UP)
            .max(BigDecimal.ZERO);
    String district = district(d);
    return facts
        .record(
            event.id(),
            "BOOKING",
            text(d, "bookingId"),
            district,
            booked.getYear(),
            "",
            days,
            null,
            instant(d, "occurredAt"))
        .chain(
            () ->
                computer.mark(
                    Set.of(Computation.WAITING_DAYS),
                    Set.of(new Touched(district, booked.getYear()))));
  }

  private Uni<Void> bookingCancelled(IncomingEvent event) {
    JsonNode d = event.data();
    OffsetDateTime at = instant(d, "occurredAt");
    String booking = text(d, "bookingId");
    return facts
        .record(
            event.id(),
            "BOOKING_CANCELLED",
            booking,
            district(d),
            at.getYear(),
            "",
            BigDecimal.ONE,
            null,
            at)
        .chain(() -> facts.placeOf(booking, "BOOKING"))
        .chain(
            made ->
                made.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : computer.mark(
                        Set.of(Computation.WAITING_DAYS),
                        Set.of(new Touched(made.get().district(), made.get().year()))));
  }

  /** The participant pseudonym is stable within a dialogue, so it is counted per dialogue. */
  private Uni<Void> participation(IncomingEvent event, String kind, String subjectField) {
    JsonNode d = event.data();
    OffsetDateTime at = instant(d, "occurredAt");
    String district = district(d);
    String participant = text(d, "dialogueId") + "|" + text(d, "participant");
    return facts
        .record(
            event.id(),
            kind,
            text(d, subjectField),
            district,
            at.getYear(),
            "",
            BigDecimal.ONE,
            participant,
            at)
        .chain(
            () ->
                computer.mark(
                    EnumSet.of(Computation.CONTRIBUTIONS, Computation.PARTICIPANTS),
                    Set.of(new Touched(district, at.getYear()))));
  }

  private Uni<Void> attended(IncomingEvent event) {
    JsonNode d = event.data();
    OffsetDateTime at = instant(d, "occurredAt");
    String district = district(d);
    JsonNode attendance = d.path("attendance");
    if (!attendance.canConvertToInt() || attendance.asInt() < 0) {
      throw new MalformedEventException("attendance is not a count");
    }
    return facts
        .record(
            event.id(),
            "ATTENDANCE",
            text(d, "eventId"),
            district,
            at.getYear(),
            "",
            BigDecimal.valueOf(attendance.asInt()),
            null,
            at)
        .chain(
            () ->
                computer.mark(
                    Set.of(Computation.ATTENDANCE), Set.of(new Touched(district, at.getYear()))));
  }

  private static String district(JsonNode d) {
    JsonNode district = d.path("district");
    if (district.isNull() || district.isMissingNode()) {
      return null;
    }
    return code(district.asText(), "district");
  }

  private static List<String> codes(JsonNode d, String field) {
    List<String> codes = new ArrayList<>();
    d.path(field).forEach(n -> codes.add(code(n.asText(), field)));
    return codes;
  }

  private static String code(String value, String field) {
    if (!CODE.matcher(value).matches()) {
      throw new MalformedEventException(field + " '" + value + "' is not a code");
    }
    return value;
  }

  static String text(JsonNode d, String field) {
    JsonNode n = d.path(field);
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new MalformedEventException(field + " is missing");
    }
    return n.asText();
  }

  private static UUID uuid(JsonNode d, String field) {
    try {
      return UUID.fromString(text(d, field));
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException(field + " is not a UUID");
    }
  }

  static OffsetDateTime instant(JsonNode d, String field) {
    OffsetDateTime at = optionalInstant(d, field);
    if (at == null) {
      throw new MalformedEventException(field + " is missing");
    }
    return at;
  }

  private static OffsetDateTime optionalInstant(JsonNode d, String field) {
    JsonNode n = d.path(field);
    if (n.isNull() || n.isMissingNode()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(n.asText());
    } catch (DateTimeParseException e) {
      throw new MalformedEventException(field + " is not an ISO-8601 instant");
    }
  }
}

package org.lernstadt.counseling.offer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lernstadt.platform.events.EventConsumer;
import org.lernstadt.platform.events.IncomingEvent;
import org.lernstadt.platform.events.MalformedEventException;

/**
 * Keeps the read model of the catalogue's offers that referrals point to, from the catalogue's
 * offer events (exactly once through the inbox). A withdrawn or cancelled offer marks the open
 * referrals to it, so that their counsellors can find another offer. Events of an older version
 * than the one held are ignored, so late redeliveries cannot undo a newer state.
 */
@ApplicationScoped
public class OfferEventConsumer {

  static final String CONSUMER = "counseling-offer-read-model";
  private static final String PREFIX = "org.lernstadt.catalogue.offer.";

  /** The offer event types and the status each one reports. */
  private static final Map<String, String> TYPES =
      Map.of(
          PREFIX + "published.v1", "PUBLISHED",
          PREFIX + "updated.v1", "PUBLISHED",
          PREFIX + "cancelled.v1", "CANCELLED",
          PREFIX + "withdrawn.v1", "WITHDRAWN",
          PREFIX + "archived.v1", "ARCHIVED");

  private static final String SEPARATOR = "\u001f";

  private static final String UPSERT =
      "insert into offer_ref (offer_id, provider_id, status, version, topics, life_phases,"
          + " districts, modality, first_start, last_end)"
          + " values (:id, :provider, :status, :version,"
          + " string_to_array(cast(:topics as text), :sep),"
          + " string_to_array(cast(:phases as text), :sep),"
          + " string_to_array(cast(:districts as text), :sep), :modality,"
          + " cast(cast(:firstStart as text) as timestamptz),"
          + " cast(cast(:lastEnd as text) as timestamptz))"
          + " on conflict (offer_id) do update set provider_id = excluded.provider_id,"
          + " status = excluded.status, version = excluded.version, topics = excluded.topics,"
          + " life_phases = excluded.life_phases, districts = excluded.districts,"
          + " modality = excluded.modality, first_start = excluded.first_start,"
          + " last_end = excluded.last_end, updated_at = now()"
          + " where offer_ref.version <= excluded.version";

  private static final String MARK_REFERRALS =
      "update referral set offer_unavailable = :status, offer_unavailable_at = now()"
          + " where offer_id = :id and status in ('PROPOSED', 'ACCEPTED', 'STARTED')"
          + " and offer_unavailable is null";

  @Inject EventConsumer consumer;

  @Incoming("catalogue-offers")
  public Uni<Void> consume(Message<String> message) {
    return consumer.handle(CONSUMER, message, this::apply);
  }

  Uni<Void> apply(IncomingEvent event) {
    String status = TYPES.get(event.type());
    if (status == null) {
      // Enrolment counts and future types on the topic: nothing a referral needs.
      return Uni.createFrom().voidItem();
    }
    JsonNode data = event.data();
    UUID offerId = uuid(data, "offerId");
    UUID providerId = uuid(data, "providerId");
    if (!data.path("version").canConvertToInt()) {
      throw new MalformedEventException("version is not an integer");
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(UPSERT)
                    .setParameter("id", offerId)
                    .setParameter("provider", providerId)
                    .setParameter("status", status)
                    .setParameter("version", data.path("version").asInt())
                    .setParameter("topics", joined(data.path("topics")))
                    .setParameter("phases", joined(data.path("lifePhases")))
                    .setParameter("districts", joined(data.path("districts")))
                    .setParameter("sep", SEPARATOR)
                    .setParameter("modality", text(data, "modality"))
                    .setParameter("firstStart", instant(data, "firstStart"))
                    .setParameter("lastEnd", instant(data, "lastEnd"))
                    .executeUpdate()
                    .chain(
                        applied ->
                            applied == 1
                                    && ("WITHDRAWN".equals(status) || "CANCELLED".equals(status))
                                ? session
                                    .createNativeQuery(MARK_REFERRALS)
                                    .setParameter("status", status)
                                    .setParameter("id", offerId)
                                    .executeUpdate()
                                : Uni.createFrom().item(0)))
        .replaceWithVoid();
  }

  private static UUID uuid(JsonNode data, String field) {
    try {
      return UUID.fromString(data.path(field).asText());
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException(field + " is not a UUID");
    }
  }

  private static String text(JsonNode data, String field) {
    JsonNode value = data.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String instant(JsonNode data, String field) {
    String value = text(data, field);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toString();
    } catch (java.time.format.DateTimeParseException e) {
      throw new MalformedEventException(field + " is not a date-time");
    }
  }

  private static String joined(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return String.join(SEPARATOR, values);
  }
}

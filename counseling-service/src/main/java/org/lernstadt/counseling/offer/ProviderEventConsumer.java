package org.lernstadt.counseling.offer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.lernstadt.platform.events.EventConsumer;
import org.lernstadt.platform.events.IncomingEvent;
import org.lernstadt.platform.events.MalformedEventException;

/**
 * Keeps which provider key belongs to which provider id, from the catalogue's provider events, so
 * that a partner institution's token (which names its key) finds the referrals to its offers.
 */
@ApplicationScoped
public class ProviderEventConsumer {

  static final String CONSUMER = "counseling-provider-read-model";

  private static final Set<String> TYPES =
      Set.of(
          "org.lernstadt.catalogue.provider.registered.v1",
          "org.lernstadt.catalogue.provider.updated.v1");

  private static final String UPSERT =
      "insert into provider_ref (provider_id, key, version) values (:id, :key, :version)"
          + " on conflict (provider_id) do update set key = excluded.key,"
          + " version = excluded.version, updated_at = now()"
          + " where provider_ref.version <= excluded.version";

  @Inject EventConsumer consumer;

  @Incoming("catalogue-providers")
  public Uni<Void> consume(Message<String> message) {
    return consumer.handle(CONSUMER, message, this::apply);
  }

  Uni<Void> apply(IncomingEvent event) {
    if (!TYPES.contains(event.type())) {
      // Partnerships and future types: nothing the referrals need.
      return Uni.createFrom().voidItem();
    }
    UUID id;
    try {
      id = UUID.fromString(event.data().path("providerId").asText());
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("providerId is not a UUID");
    }
    String key = event.data().path("key").asText("");
    if (key.isBlank() || !event.data().path("version").canConvertToInt()) {
      throw new MalformedEventException("key or version is missing");
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(UPSERT)
                    .setParameter("id", id)
                    .setParameter("key", key)
                    .setParameter("version", event.data().path("version").asInt())
                    .executeUpdate())
        .replaceWithVoid();
  }
}

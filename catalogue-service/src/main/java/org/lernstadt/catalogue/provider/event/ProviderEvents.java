package org.lernstadt.catalogue.provider.event;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.lernstadt.catalogue.provider.mapping.ProviderMapper;
import org.lernstadt.catalogue.provider.repository.PartnershipEntity;
import org.lernstadt.catalogue.provider.repository.ProviderEntity;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * The events of the provider context, appended to the outbox in the caller's transaction. Topic
 * {@value #TOPIC}; the key is the provider id, or the partnership id for partnership events.
 */
@ApplicationScoped
public class ProviderEvents {

  public static final String TOPIC = "catalogue.providers.v1";
  public static final String REGISTERED = "org.lernstadt.catalogue.provider.registered.v1";
  public static final String UPDATED = "org.lernstadt.catalogue.provider.updated.v1";
  public static final String PARTNERSHIP_FORMED = "org.lernstadt.catalogue.partnership.formed.v1";
  public static final String PARTNERSHIP_ENDED = "org.lernstadt.catalogue.partnership.ended.v1";

  @Inject Outbox outbox;

  public Uni<Void> registered(ProviderEntity p) {
    return append(
        REGISTERED,
        p.id,
        new ProviderRegistered(
            p.id,
            p.providerKey,
            p.kind,
            p.districtCode,
            p.latitude != null,
            ProviderMapper.features(p.accessibility),
            p.version));
  }

  public Uni<Void> updated(ProviderEntity p, String previousDistrict, List<String> changedFields) {
    return append(
        UPDATED,
        p.id,
        new ProviderUpdated(
            p.id,
            p.providerKey,
            p.kind,
            p.districtCode,
            previousDistrict,
            p.latitude != null,
            ProviderMapper.features(p.accessibility),
            List.copyOf(changedFields),
            p.version));
  }

  public Uni<Void> partnershipFormed(PartnershipEntity p, ProviderEntity a, ProviderEntity b) {
    return append(
        PARTNERSHIP_FORMED,
        p.id,
        new PartnershipFormed(p.id, p.kind, p.since, partners(a, b), districts(a, b)));
  }

  public Uni<Void> partnershipEnded(PartnershipEntity p, ProviderEntity a, ProviderEntity b) {
    return append(
        PARTNERSHIP_ENDED,
        p.id,
        new PartnershipEnded(p.id, p.kind, p.since, p.endedAt, partners(a, b), districts(a, b)));
  }

  private static List<Partner> partners(ProviderEntity a, ProviderEntity b) {
    return List.of(
        new Partner(a.id, a.kind, a.districtCode), new Partner(b.id, b.kind, b.districtCode));
  }

  private static List<String> districts(ProviderEntity a, ProviderEntity b) {
    return java.util.stream.Stream.of(a.districtCode, b.districtCode)
        .filter(Objects::nonNull)
        .distinct()
        .sorted()
        .toList();
  }

  private Uni<Void> append(String type, UUID aggregateId, Object body) {
    return outbox
        .append(OutgoingEvent.of(TOPIC, type, aggregateId.toString(), body))
        .replaceWithVoid();
  }
}

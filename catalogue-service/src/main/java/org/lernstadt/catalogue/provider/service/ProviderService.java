package org.lernstadt.catalogue.provider.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.lernstadt.catalogue.district.service.DistrictService;
import org.lernstadt.catalogue.provider.domain.Address;
import org.lernstadt.catalogue.provider.domain.Contact;
import org.lernstadt.catalogue.provider.domain.Location;
import org.lernstadt.catalogue.provider.domain.ProviderKind;
import org.lernstadt.catalogue.provider.event.ProviderEvents;
import org.lernstadt.catalogue.provider.mapping.Cursors;
import org.lernstadt.catalogue.provider.mapping.ProviderMapper;
import org.lernstadt.catalogue.provider.mapping.ProviderView;
import org.lernstadt.catalogue.provider.repository.ProviderEntity;
import org.lernstadt.catalogue.provider.repository.ProviderRepository;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;
import org.lernstadt.platform.web.TextQuery;

/**
 * Institutions of the city's learning landscape. Editors register and maintain every provider; a
 * partner maintains its own, but never its key or partner client. Every change and its event commit
 * together; a replacement that changes nothing keeps the version and publishes nothing.
 */
@ApplicationScoped
public class ProviderService {

  @Inject ProviderRepository providers;
  @Inject DistrictService districts;
  @Inject ProviderEvents events;

  @WithTransaction
  public Uni<ProviderView> register(ProviderCommand command) {
    List<FieldError> broken = check(command);
    if (command.key() == null) {
      broken.add(new FieldError("key", "must not be null"));
    }
    if (!broken.isEmpty()) {
      return Uni.createFrom().failure(Failures.invalid(broken));
    }
    String partnerClient = blankToNull(command.partnerClient());
    return requireFreeKey(command.key(), null)
        .chain(() -> requireFreePartnerClient(partnerClient, null))
        .chain(() -> districtOf(command.location()))
        .chain(
            district -> {
              OffsetDateTime now = now();
              ProviderEntity p = new ProviderEntity();
              p.id = UUID.randomUUID();
              p.providerKey = command.key();
              p.partnerClient = partnerClient;
              apply(p, command, district);
              p.createdAt = now;
              p.updatedAt = now;
              return providers.persistAndFlush(p);
            })
        .call(events::registered)
        .map(ProviderMapper::view)
        .onFailure(Failures::isUniqueViolation)
        .transform(
            e ->
                Failures.conflict(
                    "Another provider has this key or partner client.", "key", "is already taken"));
  }

  /**
   * Replaces the provider's fields. A partner may replace only its own provider, and may not change
   * its key or partner client (omitting them keeps them).
   */
  @WithTransaction
  public Uni<ProviderView> update(
      Actor actor, UUID id, Precondition precondition, ProviderCommand command) {
    List<FieldError> broken = check(command);
    if (!broken.isEmpty()) {
      return Uni.createFrom().failure(Failures.invalid(broken));
    }
    return providers
        .findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Provider " + id))
        .invoke(
            p -> {
              Ownership.require(actor, p);
              precondition.check("The provider", p.version);
              refuseFieldsOfOthers(actor, p, command);
            })
        .call(p -> requireFreeKey(command.key(), p.id))
        .call(
            p ->
                requireFreePartnerClient(
                    command.partnerClient() == null ? null : blankToNull(command.partnerClient()),
                    p.id))
        .chain(p -> districtOf(command.location()).chain(district -> change(p, command, district)))
        .onFailure(Failures::isStale)
        .transform(e -> Failures.concurrentChange("The provider"))
        .onFailure(Failures::isUniqueViolation)
        .transform(
            e ->
                Failures.conflict(
                    "Another provider has this key or partner client.", "key", "is already taken"));
  }

  @WithSession
  public Uni<ProviderView> get(UUID id) {
    return providers
        .findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Provider " + id))
        .map(ProviderMapper::view);
  }

  /** The provider a partner token acts for (its {@code provider_id} claim). */
  @WithSession
  public Uni<ProviderView> own(Actor actor) {
    return ownEntity(actor).map(ProviderMapper::view);
  }

  @WithSession
  public Uni<Page<ProviderView>> list(
      TextQuery name, String district, ProviderKind kind, PageRequest page) {
    Cursor after = page.after();
    String afterName = after == null ? null : Cursors.text(after, 0);
    UUID afterId = after == null ? null : Cursors.uuid(after, 1);
    return providers
        .page(
            name == null ? null : name.containsPattern(),
            district,
            kind,
            afterName,
            afterId,
            page.fetchSize())
        .map(
            rows ->
                Page.of(
                    rows.stream().map(ProviderMapper::view).toList(),
                    page,
                    v -> Cursor.of(v.name(), v.id().toString())));
  }

  /** The entity of the partner's own provider, or 404 if none is registered for its key. */
  Uni<ProviderEntity> ownEntity(Actor actor) {
    if (actor.providerKey() == null) {
      return Uni.createFrom()
          .failure(Failures.forbidden("The token does not name a provider (provider_id)."));
    }
    return providers
        .findByKey(actor.providerKey())
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Provider " + actor.providerKey()))
        .invoke(p -> Ownership.require(actor, p));
  }

  private Uni<ProviderView> change(ProviderEntity p, ProviderCommand command, String district) {
    List<String> changed = new ArrayList<>();
    String previousDistrict = p.districtCode;
    if (command.key() != null && !command.key().equals(p.providerKey)) {
      changed.add("key");
      p.providerKey = command.key();
    }
    if (command.partnerClient() != null) {
      String partnerClient = blankToNull(command.partnerClient());
      if (!Objects.equals(partnerClient, p.partnerClient)) {
        changed.add("partnerClient");
        p.partnerClient = partnerClient;
      }
    }
    ProviderView before = ProviderMapper.view(p);
    apply(p, command, district);
    ProviderView after = ProviderMapper.view(p);
    diff(changed, "name", before.name(), after.name());
    diff(changed, "kind", before.kind(), after.kind());
    diff(changed, "address", before.address(), after.address());
    diff(changed, "location", before.location(), after.location());
    diff(changed, "district", before.district(), after.district());
    diff(changed, "contact", before.contact(), after.contact());
    diff(changed, "website", before.website(), after.website());
    diff(changed, "accessibility", before.accessibility(), after.accessibility());
    if (changed.isEmpty()) {
      return Uni.createFrom().item(before);
    }
    p.updatedAt = now();
    return providers
        .flush()
        .chain(() -> events.updated(p, previousDistrict, changed))
        .map(x -> ProviderMapper.view(p));
  }

  /** Copies the content fields (not key, not partner client) and the district onto the row. */
  private static void apply(ProviderEntity p, ProviderCommand c, String district) {
    p.name = c.name();
    p.kind = c.kind();
    Address address = c.address() == null ? new Address(null, null, null) : c.address();
    p.street = address.street();
    p.postalCode = address.postalCode();
    p.city = address.city();
    p.latitude = c.location() == null ? null : c.location().lat();
    p.longitude = c.location() == null ? null : c.location().lon();
    p.districtCode = district;
    Contact contact = c.contact() == null ? new Contact(null, null) : c.contact();
    p.email = contact.email();
    p.phone = contact.phone();
    p.website = c.website();
    String[] features = ProviderMapper.columns(c.accessibility());
    if (p.accessibility == null || !Arrays.equals(p.accessibility, features)) {
      p.accessibility = features;
    }
  }

  private static void refuseFieldsOfOthers(Actor actor, ProviderEntity p, ProviderCommand c) {
    if (actor.isEditor()) {
      return;
    }
    if (c.key() != null && !c.key().equals(p.providerKey)) {
      throw Failures.forbiddenField("key", "a partner may not change the key of its provider");
    }
    if (c.partnerClient() != null
        && !Objects.equals(blankToNull(c.partnerClient()), p.partnerClient)) {
      throw Failures.forbiddenField(
          "partnerClient", "a partner may not change the client that acts for its provider");
    }
  }

  private Uni<Void> requireFreeKey(String key, UUID self) {
    if (key == null) {
      return Uni.createFrom().voidItem();
    }
    return providers
        .findByKey(key)
        .invoke(
            other -> {
              if (other != null && !other.id.equals(self)) {
                throw Failures.conflict(
                    "Another provider has the key " + key + ".", "key", "is already taken");
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> requireFreePartnerClient(String partnerClient, UUID self) {
    if (partnerClient == null) {
      return Uni.createFrom().voidItem();
    }
    return providers
        .findByPartnerClient(partnerClient)
        .invoke(
            other -> {
              if (other != null && !other.id.equals(self)) {
                throw Failures.conflict(
                    "Another provider already has this partner client.",
                    "partnerClient",
                    "is already assigned to another provider");
              }
            })
        .replaceWithVoid();
  }

  private Uni<String> districtOf(Location location) {
    return location == null
        ? Uni.createFrom().nullItem()
        : districts.districtAt(location.lat(), location.lon());
  }

  /** Rules beyond bean validation; each broken one names its field. */
  private static List<FieldError> check(ProviderCommand c) {
    List<FieldError> broken = new ArrayList<>();
    if (c.website() != null && !isWebUrl(c.website())) {
      broken.add(new FieldError("website", "must be an http or https URL with a host"));
    }
    return broken;
  }

  static boolean isWebUrl(String value) {
    try {
      URI uri = new URI(value);
      return uri.getScheme() != null
          && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  private static void diff(List<String> changed, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changed.add(field);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}

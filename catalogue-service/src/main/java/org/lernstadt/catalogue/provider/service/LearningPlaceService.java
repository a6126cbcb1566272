package org.lernstadt.catalogue.provider.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.lernstadt.catalogue.district.service.DistrictService;
import org.lernstadt.catalogue.provider.domain.Address;
import org.lernstadt.catalogue.provider.domain.LearningPlaceKind;
import org.lernstadt.catalogue.provider.mapping.Cursors;
import org.lernstadt.catalogue.provider.mapping.LearningPlaceView;
import org.lernstadt.catalogue.provider.mapping.ProviderMapper;
import org.lernstadt.catalogue.provider.repository.LearningPlaceEntity;
import org.lernstadt.catalogue.provider.repository.LearningPlaceRepository;
import org.lernstadt.catalogue.provider.repository.ProviderEntity;
import org.lernstadt.catalogue.provider.repository.ProviderRepository;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;
import org.lernstadt.platform.web.TextQuery;

/**
 * Learning places of the providers. Editors maintain the places of every provider; a partner only
 * those of its own provider, and an attempt on another's is refused with 403 and changes nothing.
 */
@ApplicationScoped
public class LearningPlaceService {

  @Inject LearningPlaceRepository places;
  @Inject ProviderRepository providers;
  @Inject ProviderService providerService;
  @Inject DistrictService districts;

  @WithTransaction
  public Uni<LearningPlaceView> create(Actor actor, LearningPlaceCommand command) {
    return providerFor(actor, command.providerId())
        .chain(
            provider ->
                districts
                    .districtAt(command.location().lat(), command.location().lon())
                    .chain(
                        district -> {
                          OffsetDateTime now = now();
                          LearningPlaceEntity place = new LearningPlaceEntity();
                          place.id = UUID.randomUUID();
                          place.createdAt = now;
                          place.updatedAt = now;
                          apply(place, provider.id, command, district);
                          return places.persistAndFlush(place);
                        }))
        .map(ProviderMapper::view);
  }

  @WithTransaction
  public Uni<LearningPlaceView> update(
      Actor actor, UUID id, Precondition precondition, LearningPlaceCommand command) {
    return places
        .findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Learning place " + id))
        .call(
            place ->
                providers
                    .findById(place.providerId)
                    .invoke(
                        current -> {
                          Ownership.require(actor, current);
                          precondition.check("The learning place", place.version);
                        }))
        .chain(
            place ->
                providerFor(
                        actor,
                        command.providerId() == null ? place.providerId : command.providerId())
                    .chain(
                        provider ->
                            districts
                                .districtAt(command.location().lat(), command.location().lon())
                                .chain(district -> change(place, provider, command, district))))
        .onFailure(Failures::isStale)
        .transform(e -> Failures.concurrentChange("The learning place"));
  }

  @WithSession
  public Uni<LearningPlaceView> get(UUID id) {
    return places
        .findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Learning place " + id))
        .map(ProviderMapper::view);
  }

  @WithSession
  public Uni<Page<LearningPlaceView>> list(
      TextQuery name, UUID provider, String district, LearningPlaceKind kind, PageRequest page) {
    Cursor after = page.after();
    String afterName = after == null ? null : Cursors.text(after, 0);
    UUID afterId = after == null ? null : Cursors.uuid(after, 1);
    return places
        .page(
            name == null ? null : name.containsPattern(),
            provider,
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

  /**
   * The provider a place is (to be) run by, which the actor must be allowed to maintain: the one
   * named, or for a partner that names none, its own.
   */
  private Uni<ProviderEntity> providerFor(Actor actor, UUID providerId) {
    if (providerId == null) {
      if (actor.isPartner()) {
        return providerService.ownEntity(actor);
      }
      return Uni.createFrom()
          .failure(Failures.invalid(List.of(new FieldError("providerId", "must not be null"))));
    }
    return providers
        .findById(providerId)
        .onItem()
        .ifNull()
        .failWith(
            () ->
                Failures.invalid(List.of(new FieldError("providerId", "no provider has this id"))))
        .invoke(provider -> Ownership.require(actor, provider));
  }

  private Uni<LearningPlaceView> change(
      LearningPlaceEntity place,
      ProviderEntity provider,
      LearningPlaceCommand command,
      String district) {
    LearningPlaceView before = ProviderMapper.view(place);
    apply(place, provider.id, command, district);
    LearningPlaceView after = ProviderMapper.view(place);
    if (same(before, after)) {
      return Uni.createFrom().item(before);
    }
    place.updatedAt = now();
    return places.flush().map(x -> ProviderMapper.view(place));
  }

  private static boolean same(LearningPlaceView a, LearningPlaceView b) {
    return Objects.equals(a.providerId(), b.providerId())
        && Objects.equals(a.name(), b.name())
        && a.kind() == b.kind()
        && Objects.equals(a.category(), b.category())
        && Objects.equals(a.address(), b.address())
        && Objects.equals(a.location(), b.location())
        && Objects.equals(a.district(), b.district())
        && Objects.equals(a.accessibility(), b.accessibility())
        && Objects.equals(a.openingHours(), b.openingHours());
  }

  private static void apply(
      LearningPlaceEntity place, UUID providerId, LearningPlaceCommand c, String district) {
    place.providerId = providerId;
    place.name = c.name();
    place.kind = c.kind();
    place.category = c.category();
    Address address = c.address() == null ? new Address(null, null, null) : c.address();
    place.street = address.street();
    place.postalCode = address.postalCode();
    place.city = address.city();
    place.latitude = c.location().lat();
    place.longitude = c.location().lon();
    place.districtCode = district;
    String[] features = ProviderMapper.columns(c.accessibility());
    if (place.accessibility == null || !Arrays.equals(place.accessibility, features)) {
      place.accessibility = features;
    }
    place.openingHours = c.openingHours();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}

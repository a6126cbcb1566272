package org.lernstadt.catalogue.provider.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lernstadt.catalogue.provider.domain.PartnershipKind;
import org.lernstadt.catalogue.provider.domain.ProviderKind;
import org.lernstadt.catalogue.provider.event.ProviderEvents;
import org.lernstadt.catalogue.provider.mapping.Cursors;
import org.lernstadt.catalogue.provider.mapping.NetworkView;
import org.lernstadt.catalogue.provider.mapping.PartnershipView;
import org.lernstadt.catalogue.provider.mapping.ProviderMapper;
import org.lernstadt.catalogue.provider.repository.PartnershipEntity;
import org.lernstadt.catalogue.provider.repository.PartnershipRepository;
import org.lernstadt.catalogue.provider.repository.ProviderEntity;
import org.lernstadt.catalogue.provider.repository.ProviderRepository;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/**
 * Partnerships between institutions and the network they form. At most one active partnership of a
 * kind joins two providers; ending one keeps it on record with its end date.
 */
@ApplicationScoped
public class PartnershipService {

  /** The city's calendar: "today" for a partnership's dates. */
  private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

  @Inject PartnershipRepository partnerships;
  @Inject ProviderRepository providers;
  @Inject ProviderEvents events;

  @WithTransaction
  public Uni<PartnershipView> form(PartnershipCommand command) {
    if (command.providerA().equals(command.providerB())) {
      return Uni.createFrom()
          .failure(
              Failures.invalid(
                  List.of(new FieldError("providerB", "must be another provider than providerA"))));
    }
    return providers
        .findByIds(List.of(command.providerA(), command.providerB()))
        .map(PartnershipService::byId)
        .invoke(
            found -> {
              List<FieldError> missing = new ArrayList<>();
              if (!found.containsKey(command.providerA())) {
                missing.add(new FieldError("providerA", "no provider has this id"));
              }
              if (!found.containsKey(command.providerB())) {
                missing.add(new FieldError("providerB", "no provider has this id"));
              }
              if (!missing.isEmpty()) {
                throw Failures.invalid(missing);
              }
            })
        .call(
            found ->
                partnerships
                    .findActive(command.providerA(), command.providerB(), command.kind())
                    .invoke(
                        existing -> {
                          if (existing != null) {
                            throw duplicate(existing.id);
                          }
                        }))
        .chain(
            found -> {
              PartnershipEntity p = new PartnershipEntity();
              p.id = UUID.randomUUID();
              p.providerA = command.providerA();
              p.providerB = command.providerB();
              p.kind = command.kind();
              p.since = command.since() == null ? LocalDate.now(CITY_TIME) : command.since();
              p.description = command.description();
              p.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
              return partnerships
                  .persistAndFlush(p)
                  .call(
                      saved ->
                          events.partnershipFormed(
                              saved, found.get(saved.providerA), found.get(saved.providerB)));
            })
        .map(ProviderMapper::view)
        .onFailure(Failures::isUniqueViolation)
        .transform(e -> duplicate(null));
  }

  /**
   * Ends the partnership today; ending an ended one again changes nothing and publishes nothing.
   */
  @WithTransaction
  public Uni<PartnershipView> end(UUID id) {
    return partnerships
        .findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Partnership " + id))
        .chain(
            p -> {
              if (!p.isActive()) {
                return Uni.createFrom().item(p);
              }
              p.endedAt = LocalDate.now(CITY_TIME);
              return partnerships
                  .flush()
                  .chain(() -> providers.findByIds(List.of(p.providerA, p.providerB)))
                  .map(PartnershipService::byId)
                  .call(
                      found ->
                          events.partnershipEnded(
                              p, found.get(p.providerA), found.get(p.providerB)))
                  .replaceWith(p);
            })
        .map(ProviderMapper::view);
  }

  @WithSession
  public Uni<PartnershipView> get(UUID id) {
    return partnerships
        .findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("Partnership " + id))
        .map(ProviderMapper::view);
  }

  @WithSession
  public Uni<Page<PartnershipView>> list(
      UUID provider, PartnershipKind kind, boolean includeEnded, PageRequest page) {
    UUID afterId = page.after() == null ? null : Cursors.uuid(page.after(), 0);
    return partnerships
        .page(provider, kind, includeEnded, afterId, page.fetchSize())
        .map(
            rows ->
                Page.of(
                    rows.stream().map(ProviderMapper::view).toList(),
                    page,
                    v -> Cursor.of(v.id().toString())));
  }

  /**
   * The network of active partnerships. Without filters: every provider and every active
   * partnership. With a district and/or provider kind: the providers matching them, the active
   * partnerships touching those, and the partners at their other ends (wherever they are).
   */
  @WithSession
  public Uni<NetworkView> network(
      String district, ProviderKind kind, PartnershipKind partnershipKind) {
    return providers
        .matching(district, kind)
        .chain(
            seeds -> {
              Set<UUID> seedIds = seeds.stream().map(p -> p.id).collect(Collectors.toSet());
              Uni<List<PartnershipEntity>> edges =
                  district == null && kind == null
                      ? partnerships.active(partnershipKind)
                      : partnerships.activeTouching(seedIds, partnershipKind);
              return edges.chain(
                  found -> {
                    Set<UUID> missing = new HashSet<>();
                    for (PartnershipEntity e : found) {
                      if (!seedIds.contains(e.providerA)) {
                        missing.add(e.providerA);
                      }
                      if (!seedIds.contains(e.providerB)) {
                        missing.add(e.providerB);
                      }
                    }
                    return providers
                        .findByIds(missing)
                        .map(
                            partners -> {
                              List<ProviderEntity> nodes = new ArrayList<>(seeds);
                              nodes.addAll(partners);
                              return new NetworkView(
                                  nodes.stream().map(ProviderMapper::node).toList(),
                                  found.stream().map(ProviderMapper::edge).toList());
                            });
                  });
            });
  }

  private static ProblemException duplicate(UUID existing) {
    return new ProblemException(
        409,
        "Conflict",
        existing == null
            ? "These providers already have an active partnership of this kind."
            : "These providers already have an active partnership of this kind: " + existing + ".",
        List.of(new FieldError("kind", "an active partnership of this kind exists")));
  }

  private static Map<UUID, ProviderEntity> byId(List<ProviderEntity> list) {
    return list.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
  }
}

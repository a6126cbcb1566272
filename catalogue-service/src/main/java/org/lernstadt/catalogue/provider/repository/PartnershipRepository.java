package org.lernstadt.catalogue.provider.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.provider.domain.PartnershipKind;

/** Queries of partnerships. Lists are keyset-paginated by id. */
@ApplicationScoped
public class PartnershipRepository implements PanacheRepositoryBase<PartnershipEntity, UUID> {

  /** The active partnership of this kind between the two providers, in either direction. */
  public Uni<PartnershipEntity> findActive(UUID a, UUID b, PartnershipKind kind) {
    return find(
            "endedAt is null and kind = :kind and ((providerA = :a and providerB = :b)"
                + " or (providerA = :b and providerB = :a))",
            Parameters.with("kind", kind).and("a", a).and("b", b))
        .firstResult();
  }

  /**
   * One page of partnerships in id order.
   *
   * @param fetch how many rows to read (the page size plus one)
   */
  public Uni<List<PartnershipEntity>> page(
      UUID provider, PartnershipKind kind, boolean includeEnded, UUID afterId, int fetch) {
    Filters filters =
        new Filters()
            .when(provider, "provider", "(providerA = :provider or providerB = :provider)")
            .equal("kind", "kind", kind)
            .when(afterId, "afterId", "id > :afterId");
    if (!includeEnded) {
      filters.always("endedAt is null");
    }
    return find(filters.orderedBy("id"), filters.params()).range(0, fetch - 1).list();
  }

  /** The active partnerships touching any of the providers, optionally of one kind. */
  public Uni<List<PartnershipEntity>> activeTouching(
      Collection<UUID> providers, PartnershipKind kind) {
    if (providers.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Parameters params = Parameters.with("providers", List.copyOf(providers));
    String where = "endedAt is null and (providerA in :providers or providerB in :providers)";
    if (kind != null) {
      where += " and kind = :kind";
      params.and("kind", kind);
    }
    return list(where + " order by id", params);
  }

  /** Every active partnership, optionally of one kind. */
  public Uni<List<PartnershipEntity>> active(PartnershipKind kind) {
    return kind == null
        ? list("endedAt is null order by id")
        : list("endedAt is null and kind = ?1 order by id", kind);
  }
}

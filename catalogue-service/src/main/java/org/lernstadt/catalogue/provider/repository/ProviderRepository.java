package org.lernstadt.catalogue.provider.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.provider.domain.ProviderKind;

/** Queries of providers. Lists are keyset-paginated by (name, id). */
@ApplicationScoped
public class ProviderRepository implements PanacheRepositoryBase<ProviderEntity, UUID> {

  /** A provider whose district changed because a district boundary changed. */
  public record Moved(UUID id, String before) {}

  /**
   * Assigns the district again to every located provider that lies in district {@code :code} or was
   * assigned to it, bumping the version of those whose district changes.
   */
  private static final String REASSIGN =
      "with candidate as ("
          + " select p.id, p.district_code as before,"
          + " district_at(p.latitude, p.longitude) as after"
          + " from provider p where p.latitude is not null and (p.district_code = :code"
          + " or exists (select 1 from district d where d.code = :code"
          + " and d.boundary @> point(p.longitude, p.latitude))))"
          + " update provider p set district_code = c.after, version = p.version + 1,"
          + " updated_at = now() from candidate c"
          + " where p.id = c.id and c.before is distinct from c.after"
          + " returning p.id, c.before";

  public Uni<ProviderEntity> findByKey(String key) {
    return find("providerKey", key).firstResult();
  }

  public Uni<ProviderEntity> findByPartnerClient(String partnerClient) {
    return find("partnerClient", partnerClient).firstResult();
  }

  public Uni<List<ProviderEntity>> findByIds(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return list("id in ?1", List.copyOf(ids));
  }

  /**
   * One page of providers in (name, id) order, after the given position if any.
   *
   * @param namePattern a {@code LIKE} pattern on the name (see {@link Filters#like}), or null
   * @param fetch how many rows to read (the page size plus one)
   */
  public Uni<List<ProviderEntity>> page(
      String namePattern,
      String district,
      ProviderKind kind,
      String afterName,
      UUID afterId,
      int fetch) {
    Filters filters =
        new Filters()
            .like("name", namePattern)
            .equal("districtCode", "district", district)
            .equal("kind", "kind", kind)
            .afterName(afterName, afterId);
    return find(filters.orderedBy("name, id"), filters.params()).range(0, fetch - 1).list();
  }

  /** Every provider in the district and of the kind given (either may be null: no filter). */
  public Uni<List<ProviderEntity>> matching(String district, ProviderKind kind) {
    Filters filters =
        new Filters().equal("districtCode", "district", district).equal("kind", "kind", kind);
    return list(filters.orderedBy("name, id"), filters.params());
  }

  /** Reassigns districts after district {@code code} changed; must run in a transaction. */
  public Uni<List<Moved>> reassignDistricts(String code) {
    return getSession()
        .chain(
            s ->
                s.createNativeQuery(REASSIGN, Object[].class)
                    .setParameter("code", code)
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(r -> new Moved(UUID.fromString(r[0].toString()), (String) r[1]))
                    .toList());
  }
}

package org.lernstadt.catalogue.provider.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.provider.domain.LearningPlaceKind;

/** Queries of learning places. Lists are keyset-paginated by (name, id). */
@ApplicationScoped
public class LearningPlaceRepository implements PanacheRepositoryBase<LearningPlaceEntity, UUID> {

  private static final String REASSIGN =
      "with candidate as ("
          + " select l.id, l.district_code as before,"
          + " district_at(l.latitude, l.longitude) as after"
          + " from learning_place l where l.district_code = :code"
          + " or exists (select 1 from district d where d.code = :code"
          + " and d.boundary @> point(l.longitude, l.latitude)))"
          + " update learning_place l set district_code = c.after, version = l.version + 1,"
          + " updated_at = now() from candidate c"
          + " where l.id = c.id and c.before is distinct from c.after";

  /**
   * One page of learning places in (name, id) order, after the given position if any.
   *
   * @param namePattern a {@code LIKE} pattern on the name (see {@link Filters#like}), or null
   * @param fetch how many rows to read (the page size plus one)
   */
  public Uni<List<LearningPlaceEntity>> page(
      String namePattern,
      UUID provider,
      String district,
      LearningPlaceKind kind,
      String afterName,
      UUID afterId,
      int fetch) {
    Filters filters =
        new Filters()
            .like("name", namePattern)
            .equal("providerId", "provider", provider)
            .equal("districtCode", "district", district)
            .equal("kind", "kind", kind)
            .afterName(afterName, afterId);
    return find(filters.orderedBy("name, id"), filters.params()).range(0, fetch - 1).list();
  }

  /** Reassigns districts after district {@code code} changed; must run in a transaction. */
  public Uni<Integer> reassignDistricts(String code) {
    return getSession()
        .chain(s -> s.createNativeQuery(REASSIGN).setParameter("code", code).executeUpdate());
  }
}

package org.lernstadt.catalogue.provider.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lernstadt.catalogue.district.service.DistrictChangeListener;
import org.lernstadt.catalogue.provider.event.ProviderEvents;
import org.lernstadt.catalogue.provider.repository.LearningPlaceRepository;
import org.lernstadt.catalogue.provider.repository.ProviderRepository;

/**
 * When a district boundary is uploaded or changed, providers and learning places located in it (or
 * assigned to it before) get their district again; each provider that moves publishes {@code
 * provider.updated} with the changed field {@code district}.
 */
@ApplicationScoped
public class ProviderDistrictReassignment implements DistrictChangeListener {

  @Inject ProviderRepository providers;
  @Inject LearningPlaceRepository places;
  @Inject ProviderEvents events;

  @Override
  public Uni<Void> boundaryChanged(String code) {
    return places
        .reassignDistricts(code)
        .chain(() -> providers.reassignDistricts(code))
        .chain(
            moved -> {
              if (moved.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              Map<java.util.UUID, String> before =
                  moved.stream()
                      .collect(
                          Collectors.toMap(
                              ProviderRepository.Moved::id,
                              m -> m.before() == null ? "" : m.before()));
              return providers
                  .findByIds(before.keySet())
                  .chain(
                      changed ->
                          Multi.createFrom()
                              .iterable(changed)
                              .onItem()
                              .transformToUniAndConcatenate(
                                  p -> {
                                    String previous = before.get(p.id);
                                    return events.updated(
                                        p,
                                        previous.isEmpty() ? null : previous,
                                        List.of("district"));
                                  })
                              .collect()
                              .last()
                              .replaceWithVoid());
            });
  }
}

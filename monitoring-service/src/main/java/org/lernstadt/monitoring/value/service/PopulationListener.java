package org.lernstadt.monitoring.value.service;

import io.smallrye.mutiny.Uni;
import java.util.Set;

/** Told, in the import's transaction, which {@code area/year} populations changed. */
public interface PopulationListener {

  Uni<Void> changed(Set<String> areaYears);
}

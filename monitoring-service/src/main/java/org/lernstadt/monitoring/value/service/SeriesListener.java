package org.lernstadt.monitoring.value.service;

import io.smallrye.mutiny.Uni;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.value.domain.Cell;

/** Told, in the writer's transaction, that a value of a series changed (the alert rules are). */
public interface SeriesListener {

  Uni<Void> changed(Indicator indicator, Cell cell);
}

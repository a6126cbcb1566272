package org.lernstadt.monitoring.value.mapping;

import java.time.LocalDate;
import java.util.List;
import org.lernstadt.monitoring.indicator.domain.Indicator;

/**
 * The answer of a values request.
 *
 * @param suppressed whether cell suppression was applied for this reader
 * @param periods the periods asked for, resolved (relative periods at {@code referenceDate})
 */
public record ValueSet(
    Indicator indicator,
    boolean suppressed,
    LocalDate referenceDate,
    List<String> periods,
    List<ValueView> values) {}

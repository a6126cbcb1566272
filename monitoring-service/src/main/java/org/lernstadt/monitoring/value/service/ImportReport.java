package org.lernstadt.monitoring.value.service;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an import changed (applied) or would change (dry run).
 *
 * @param changes the rows that create or update a value, at most {@value ImportService#LISTED}
 */
public record ImportReport(
    String kind,
    boolean dryRun,
    int rows,
    int created,
    int updated,
    int unchanged,
    List<Change> changes) {

  /** One row's effect; {@code row} is the line number in the file (the header is line 1). */
  public record Change(
      int row, String key, String change, BigDecimal oldValue, BigDecimal newValue) {}
}

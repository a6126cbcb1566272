package org.lernstadt.monitoring.area.service;

import java.time.LocalDate;
import java.util.List;

/** A spatial unit with its validity and the units it came from and went into. */
public record Area(
    String code,
    String name,
    AreaLevel level,
    String parent,
    LocalDate validFrom,
    LocalDate validTo,
    List<String> predecessors,
    List<String> successors) {

  public boolean validAt(LocalDate day) {
    return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
  }

  /** Valid at some time in [from, to). */
  public boolean validDuring(LocalDate from, LocalDate to) {
    return validFrom.isBefore(to) && (validTo == null || validTo.isAfter(from));
  }
}

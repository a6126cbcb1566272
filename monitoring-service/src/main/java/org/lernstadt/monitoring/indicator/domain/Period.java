package org.lernstadt.monitoring.indicator.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year ({@code 2025}), quarter ({@code 2025Q1}) or month ({@code 202503}), as DHIS2 names
 * periods. Relative periods ({@code LAST_5_YEARS}, ...) resolve against a reference date, so a
 * report can be re-run exactly.
 */
public record Period(PeriodType type, int year, int index) implements Comparable<Period> {

  private static final Pattern ID = Pattern.compile("(\\d{4})(?:Q([1-4])|(0[1-9]|1[0-2]))?");
  private static final Pattern RELATIVE =
      Pattern.compile("(THIS|LAST)_(YEAR|QUARTER|MONTH)|LAST_(\\d{1,2})_(YEARS|QUARTERS|MONTHS)");

  public static Period parse(String id) {
    Matcher m = ID.matcher(id == null ? "" : id);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + id + "' is not a period (2025, 2025Q1 or 202503)");
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      return new Period(PeriodType.QUARTER, year, Integer.parseInt(m.group(2)));
    }
    if (m.group(3) != null) {
      return new Period(PeriodType.MONTH, year, Integer.parseInt(m.group(3)));
    }
    return new Period(PeriodType.YEAR, year, 1);
  }

  public static Period of(PeriodType type, LocalDate date) {
    return switch (type) {
      case YEAR -> new Period(type, date.getYear(), 1);
      case QUARTER -> new Period(type, date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
      case MONTH -> new Period(type, date.getYear(), date.getMonthValue());
    };
  }

  public static boolean isRelative(String id) {
    return id != null && RELATIVE.matcher(id).matches();
  }

  /**
   * The periods of a relative period at the reference date, oldest first; "last" periods are the
   * completed ones before the period of the reference date.
   */
  public static List<Period> resolve(String relative, LocalDate reference) {
    Matcher m = RELATIVE.matcher(relative == null ? "" : relative);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + relative + "' is not a relative period (THIS_YEAR, LAST_YEAR, LAST_5_YEARS, ...)");
    }
    boolean single = m.group(1) != null;
    PeriodType type =
        PeriodType.valueOf(single ? m.group(2) : m.group(4).substring(0, m.group(4).length() - 1));
    Period current = of(type, reference);
    if (single && m.group(1).equals("THIS")) {
      return List.of(current);
    }
    int n = single ? 1 : Integer.parseInt(m.group(3));
    if (n < 1) {
      throw new IllegalArgumentException("'" + relative + "' asks for no period");
    }
    List<Period> periods = new ArrayList<>();
    Period p = current;
    for (int i = 0; i < n; i++) {
      p = p.previous();
      periods.addFirst(p);
    }
    return periods;
  }

  public String id() {
    return switch (type) {
      case YEAR -> Integer.toString(year);
      case QUARTER -> year + "Q" + index;
      case MONTH -> "%d%02d".formatted(year, index);
    };
  }

  public LocalDate start() {
    return switch (type) {
      case YEAR -> LocalDate.of(year, 1, 1);
      case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
      case MONTH -> LocalDate.of(year, index, 1);
    };
  }

  /** The first day after the period. */
  public LocalDate end() {
    return next().start();
  }

  public Period previous() {
    return index > 1 ? new Period(type, year, index - 1) : new Period(type, year - 1, perYear());
  }

  public Period next() {
    return index < perYear() ? new Period(type, year, index + 1) : new Period(type, year + 1, 1);
  }

  private int perYear() {
    return switch (type) {
      case YEAR -> 1;
      case QUARTER -> 4;
      case MONTH -> 12;
    };
  }

  @Override
  public int compareTo(Period other) {
    return start().compareTo(other.start());
  }

  @Override
  public String toString() {
    return id();
  }
}

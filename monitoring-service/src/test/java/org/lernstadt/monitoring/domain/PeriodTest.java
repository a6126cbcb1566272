package org.lernstadt.monitoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lernstadt.monitoring.indicator.domain.Period;
import org.lernstadt.monitoring.indicator.domain.PeriodType;

class PeriodTest {

  @Test
  void parsesYearsQuartersAndMonthsWithTheirDays() {
    Period q = Period.parse("2025Q1");
    assertEquals(PeriodType.QUARTER, q.type());
    assertEquals(LocalDate.of(2025, 1, 1), q.start());
    assertEquals(LocalDate.of(2025, 4, 1), q.end());
    assertEquals("202512", Period.parse("202512").id());
    assertEquals("202601", Period.parse("202512").next().id());
    assertEquals("2024Q4", Period.parse("2025Q1").previous().id());
    assertEquals(LocalDate.of(2026, 1, 1), Period.parse("2025").end());
    assertThrows(IllegalArgumentException.class, () -> Period.parse("2025Q5"));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("202513"));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("25"));
  }

  @Test
  void relativePeriodsResolveAgainstTheReferenceDateSoAReportCanBeRerun() {
    LocalDate reference = LocalDate.of(2026, 5, 17);
    assertEquals(
        List.of("2021", "2022", "2023", "2024", "2025"),
        Period.resolve("LAST_5_YEARS", reference).stream().map(Period::id).toList());
    assertEquals(List.of("2026"), ids(Period.resolve("THIS_YEAR", reference)));
    assertEquals(List.of("2026Q1"), ids(Period.resolve("LAST_QUARTER", reference)));
    assertEquals(
        List.of("2025Q3", "2025Q4", "2026Q1"), ids(Period.resolve("LAST_3_QUARTERS", reference)));
    assertEquals(List.of("202604"), ids(Period.resolve("LAST_MONTH", reference)));
    assertEquals(12, Period.resolve("LAST_12_MONTHS", reference).size());
    assertEquals("202505", Period.resolve("LAST_12_MONTHS", reference).getFirst().id());
    assertThrows(IllegalArgumentException.class, () -> Period.resolve("NEXT_YEAR", reference));
  }

  private static List<String> ids(List<Period> periods) {
    return periods.stream().map(Period::id).toList();
  }
}

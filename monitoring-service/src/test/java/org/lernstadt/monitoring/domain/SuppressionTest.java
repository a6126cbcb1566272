package org.lernstadt.monitoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.domain.Confidentiality;
import org.lernstadt.monitoring.value.domain.Suppression;

class SuppressionTest {

  private static final Map<String, String> PARENTS =
      Map.of("a", "city", "b", "city", "c", "city", "d", "city");

  @Test
  void aSmallCellAndTheSmallestOtherCellOfItsGroupAreHidden() {
    List<Cell> cells =
        List.of(
            cell("city", "", "", 65),
            cell("a", "", "", 3),
            cell("b", "", "", 10),
            cell("c", "", "", 12),
            cell("d", "", "", 40));
    Map<Cell.Key, Confidentiality> status = Suppression.apply(cells, 5, false, PARENTS);
    assertEquals(Confidentiality.PRIMARY, status.get(key("a", "", "")));
    assertEquals(Confidentiality.SECONDARY, status.get(key("b", "", "")));
    assertEquals(Confidentiality.FREE, status.get(key("c", "", "")));
    assertEquals(Confidentiality.FREE, status.get(key("city", "", "")));
  }

  @Test
  void twoSmallCellsProtectEachOtherAndZeroIsNotSmall() {
    List<Cell> cells =
        List.of(
            cell("city", "", "", 57),
            cell("a", "", "", 3),
            cell("b", "", "", 4),
            cell("c", "", "", 0),
            cell("d", "", "", 50));
    Map<Cell.Key, Confidentiality> status = Suppression.apply(cells, 5, false, PARENTS);
    assertEquals(Confidentiality.PRIMARY, status.get(key("a", "", "")));
    assertEquals(Confidentiality.PRIMARY, status.get(key("b", "", "")));
    assertEquals(Confidentiality.FREE, status.get(key("c", "", "")));
    assertEquals(Confidentiality.FREE, status.get(key("d", "", "")));
  }

  @Test
  void aCategoryGroupWithOneOtherCellHidesTheTotalWhenNoOtherIsLeft() {
    // area a: total 23 = 3 (16-24) + 20 (25-44); hiding 3 also hides 20; no district group here
    List<Cell> cells =
        List.of(
            cell("a", "", "", 23),
            cell("a", "ageBand", "16-24", 3),
            cell("a", "ageBand", "25-44", 20));
    Map<Cell.Key, Confidentiality> status = Suppression.apply(cells, 5, false, Map.of());
    assertEquals(Confidentiality.PRIMARY, status.get(key("a", "ageBand", "16-24")));
    assertEquals(Confidentiality.SECONDARY, status.get(key("a", "ageBand", "25-44")));
    assertEquals(Confidentiality.FREE, status.get(key("a", "", "")));

    List<Cell> single = List.of(cell("a", "", "", 3 + 0), cell("a", "ageBand", "16-24", 3));
    Map<Cell.Key, Confidentiality> alone = Suppression.apply(single, 5, false, Map.of());
    assertEquals(Confidentiality.PRIMARY, alone.get(key("a", "", "")));
  }

  @Test
  void secondarySuppressionCascadesAcrossGroups() {
    // b is hidden as partner of a in the district group; b's categories then hold one hidden
    // total, so one of b's categories is hidden as well... the groups settle with none alone
    List<Cell> cells =
        List.of(
            cell("city", "", "", 75),
            cell("a", "", "", 3),
            cell("b", "", "", 30),
            cell("c", "", "", 42),
            cell("b", "ageBand", "16-24", 10),
            cell("b", "ageBand", "25-44", 20));
    Map<Cell.Key, Confidentiality> status =
        Suppression.apply(cells, 5, false, Map.of("a", "city", "b", "city", "c", "city"));
    for (var group :
        List.of(
            List.of(key("city", "", ""), key("a", "", ""), key("b", "", ""), key("c", "", "")),
            List.of(
                key("b", "", ""), key("b", "ageBand", "16-24"), key("b", "ageBand", "25-44")))) {
      long hidden = group.stream().filter(k -> status.get(k) != Confidentiality.FREE).count();
      assertEquals(true, hidden != 1, "a group has exactly one hidden cell: " + status);
    }
  }

  @Test
  void aSmallCountedDenominatorIsHiddenToo() {
    Cell rate =
        new Cell(
            "a",
            "2025",
            LocalDate.of(2025, 1, 1),
            "",
            "",
            BigDecimal.valueOf(0),
            BigDecimal.valueOf(3),
            BigDecimal.ZERO,
            "IMPORT",
            null);
    assertEquals(
        Confidentiality.PRIMARY,
        Suppression.apply(List.of(rate), 5, true, Map.of()).get(rate.key()));
    assertEquals(
        Confidentiality.FREE, Suppression.apply(List.of(rate), 5, false, Map.of()).get(rate.key()));
  }

  private static Cell cell(String area, String dimension, String category, int numerator) {
    return new Cell(
        area,
        "2025",
        LocalDate.of(2025, 1, 1),
        dimension,
        category,
        BigDecimal.valueOf(numerator),
        BigDecimal.ONE,
        BigDecimal.valueOf(numerator),
        "IMPORT",
        null);
  }

  private static Cell.Key key(String area, String dimension, String category) {
    return new Cell.Key(area, "2025", dimension, category);
  }
}

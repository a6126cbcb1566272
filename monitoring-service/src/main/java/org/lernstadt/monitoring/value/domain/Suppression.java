package org.lernstadt.monitoring.value.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lernstadt.monitoring.indicator.domain.Indicator;

/**
 * Cell suppression for public output. Primary: a numerator from 1 to below the minimum cell size
 * (and a counted denominator below it). Secondary: in every group of cells that add up to a total
 * (the units under a parent unit with the parent's cell; the categories of a dimension with the
 * area's total) no suppressed cell may stand alone, otherwise it could be recovered by subtracting
 * the others from the total; the smallest other cell of the group is suppressed too (the total if
 * there is no other), until no group has exactly one suppressed cell.
 */
public final class Suppression {

  private Suppression() {}

  /**
   * The indicator's rule: its minimum cell size, with a denominator that counts people unless it is
   * a population or the 1 of a count.
   */
  public static Map<Cell.Key, Confidentiality> apply(
      List<Cell> cells, Indicator indicator, Map<String, String> parentOf) {
    return apply(
        cells,
        indicator.minCellSize(),
        indicator.denominatorPopulation() == null && !indicator.isCount(),
        parentOf);
  }

  /**
   * @param parentOf the parent unit of each area ({@code null} for the root)
   * @param countedDenominator whether the denominator counts persons or cases too (not a
   *     population), so that a small one also identifies people
   */
  public static Map<Cell.Key, Confidentiality> apply(
      List<Cell> cells, int minCellSize, boolean countedDenominator, Map<String, String> parentOf) {
    Map<Cell.Key, Confidentiality> status = new LinkedHashMap<>();
    for (Cell cell : cells) {
      boolean small =
          isSmall(cell.numerator(), minCellSize)
              || (countedDenominator && isSmall(cell.denominator(), minCellSize));
      status.put(cell.key(), small ? Confidentiality.PRIMARY : Confidentiality.FREE);
    }
    List<Group> groups = groups(cells, parentOf);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Group group : groups) {
        List<Cell> all = new ArrayList<>(group.members());
        all.add(group.total());
        long hidden = all.stream().filter(c -> status.get(c.key()) != Confidentiality.FREE).count();
        if (hidden != 1) {
          continue;
        }
        Cell partner =
            group.members().stream()
                .filter(c -> status.get(c.key()) == Confidentiality.FREE)
                .min(Comparator.comparing(Cell::numerator).thenComparing(c -> c.key().toString()))
                .orElse(group.total());
        status.put(partner.key(), Confidentiality.SECONDARY);
        changed = true;
      }
    }
    return status;
  }

  private static boolean isSmall(BigDecimal count, int minCellSize) {
    return count != null
        && count.signum() > 0
        && count.compareTo(BigDecimal.valueOf(minCellSize)) < 0;
  }

  private record Group(Cell total, List<Cell> members) {}

  private static List<Group> groups(List<Cell> cells, Map<String, String> parentOf) {
    Map<Cell.Key, Cell> byKey =
        cells.stream().collect(Collectors.toMap(Cell::key, Function.identity(), (a, b) -> a));
    Map<Cell.Key, List<Cell>> members = new HashMap<>();
    for (Cell cell : cells) {
      String parent = parentOf.get(cell.area());
      if (parent != null) {
        Cell.Key total = new Cell.Key(parent, cell.period(), cell.dimension(), cell.category());
        if (byKey.containsKey(total)) {
          members.computeIfAbsent(total, k -> new ArrayList<>()).add(cell);
        }
      }
      if (!cell.isTotal()) {
        Cell.Key total = new Cell.Key(cell.area(), cell.period(), "", "");
        // one group per dimension: key the group by the total and the dimension
        if (byKey.containsKey(total)) {
          members
              .computeIfAbsent(
                  new Cell.Key(cell.area(), cell.period(), "#" + cell.dimension(), ""),
                  k -> new ArrayList<>())
              .add(cell);
        }
      }
    }
    List<Group> groups = new ArrayList<>();
    members.forEach(
        (key, list) -> {
          Cell.Key totalKey =
              key.dimension().startsWith("#")
                  ? new Cell.Key(key.area(), key.period(), "", "")
                  : key;
          groups.add(new Group(byKey.get(totalKey), list));
        });
    groups.sort(Comparator.comparing(g -> g.total().key().toString()));
    return groups;
  }
}

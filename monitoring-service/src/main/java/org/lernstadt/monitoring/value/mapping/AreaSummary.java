package org.lernstadt.monitoring.value.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.lernstadt.monitoring.area.service.AreaLevel;
import org.lernstadt.monitoring.indicator.domain.TopicArea;
import org.lernstadt.monitoring.value.domain.Confidentiality;

/** An area's indicators at a glance, for its profile screen: the latest total of each. */
public record AreaSummary(AreaRef area, List<IndicatorSummary> indicators) {

  public record AreaRef(String code, String name, AreaLevel level) {}

  /**
   * One indicator in the area.
   *
   * @param period the latest period in which the area's total has a value
   * @param value that value, {@code null} when suppressed for the reader
   * @param confidentiality of that value, as in the values endpoint
   * @param previousPeriod the period before it with a value, {@code null} if there is none
   * @param previousValue its value, {@code null} if there is none or it is suppressed
   * @param direction from the previous value to the value as the reader sees them
   * @param openAlerts open alerts of the indicator in the area; only for analysts and admins
   *     (alerts are internal), left out of the JSON for everyone else
   */
  public record IndicatorSummary(
      String code,
      String name,
      String unit,
      TopicArea topicArea,
      String period,
      BigDecimal value,
      String previousPeriod,
      BigDecimal previousValue,
      Direction direction,
      Confidentiality confidentiality,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long openAlerts) {}

  public enum Direction {
    UP,
    DOWN,
    /** equal, or either value missing or suppressed */
    FLAT;

    public static Direction between(BigDecimal previous, BigDecimal latest) {
      if (previous == null || latest == null) {
        return FLAT;
      }
      int order = latest.compareTo(previous);
      return order > 0 ? UP : order < 0 ? DOWN : FLAT;
    }
  }
}

package org.lernstadt.participation.survey.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lernstadt.participation.form.FieldKind;

/**
 * Aggregated answers of a survey per question and district of residence. A cell with fewer
 * responses than the survey's minimum cell size is suppressed: its count is shown, its values are
 * not. Free-text questions are never aggregated.
 */
public record SurveyResults(
    UUID dialogueId,
    UUID surveyId,
    OffsetDateTime publishedAt,
    int responses,
    int minCellSize,
    List<Question> questions) {

  public record Question(UUID questionId, String code, FieldKind kind, List<Cell> perDistrict) {}

  /**
   * Choice questions: option code to count; scale and number: {@code mean}. {@code district} is
   * {@code null} for responses without one.
   */
  public record Cell(
      String district,
      int responses,
      boolean suppressed,
      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> values) {}
}

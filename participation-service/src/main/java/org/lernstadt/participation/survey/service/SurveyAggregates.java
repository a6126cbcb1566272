package org.lernstadt.participation.survey.service;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.lernstadt.participation.form.FieldKind;
import org.lernstadt.participation.form.Form;
import org.lernstadt.participation.form.FormField;
import org.lernstadt.participation.survey.mapping.SurveyResults;

/** Computes the per-district aggregates of a survey's responses, suppressing small cells. */
final class SurveyAggregates {

  /** One stored response: the respondent's district and checked answers. */
  record Response(String district, Map<String, Object> answers) {}

  private SurveyAggregates() {}

  static SurveyResults of(
      UUID dialogueId,
      UUID surveyId,
      OffsetDateTime publishedAt,
      Form form,
      int minCellSize,
      List<Response> responses) {
    List<SurveyResults.Question> questions = new ArrayList<>();
    for (FormField field : form.fields()) {
      if (field.kind() == FieldKind.SHORT_TEXT || field.kind() == FieldKind.DISTRICT) {
        continue;
      }
      Map<String, List<Object>> byDistrict =
          new TreeMap<>(Comparator.nullsLast(Comparator.<String>naturalOrder()));
      for (Response r : responses) {
        Object value = r.answers().get(field.code());
        if (value != null) {
          byDistrict.computeIfAbsent(r.district(), k -> new ArrayList<>()).add(value);
        }
      }
      List<SurveyResults.Cell> cells = new ArrayList<>();
      byDistrict.forEach(
          (district, values) -> {
            boolean suppressed = values.size() < minCellSize;
            cells.add(
                new SurveyResults.Cell(
                    district,
                    values.size(),
                    suppressed,
                    suppressed ? null : values(field, values)));
          });
      questions.add(
          new SurveyResults.Question(
              questionId(surveyId, field.code()), field.code(), field.kind(), cells));
    }
    return new SurveyResults(
        dialogueId, surveyId, publishedAt, responses.size(), minCellSize, questions);
  }

  /** A stable id per question of a survey, derived from the survey and the question's code. */
  static UUID questionId(UUID surveyId, String code) {
    return UUID.nameUUIDFromBytes((surveyId + "/" + code).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> values(FormField field, List<Object> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (field.kind()) {
      case SCALE, NUMBER -> {
        double mean =
            values.stream().mapToDouble(v -> ((Number) v).doubleValue()).average().orElse(0);
        out.put("mean", Math.round(mean * 100) / 100.0);
      }
      default -> {
        List<String> codes =
            field.kind() == FieldKind.AGE_BAND
                ? Form.AGE_BANDS
                : field.options().stream().map(FormField.Option::code).toList();
        codes.forEach(c -> out.put(c, 0));
        for (Object v : values) {
          if (v instanceof List<?> chosen) {
            chosen.forEach(c -> out.merge(Objects.toString(c), 1, (a, b) -> (Integer) a + 1));
          } else {
            out.merge(Objects.toString(v), 1, (a, b) -> (Integer) a + 1);
          }
        }
      }
    }
    return out;
  }
}

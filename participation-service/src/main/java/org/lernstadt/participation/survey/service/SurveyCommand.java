package org.lernstadt.participation.survey.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lernstadt.participation.form.FormField;

/** A dialogue's questionnaire; cells below {@code minCellSize} responses (default 5) are hidden. */
public record SurveyCommand(
    @NotBlank @Size(max = 200) String title,
    @NotNull @Valid @Size(min = 1, max = 100) List<@NotNull FormField> fields,
    @Min(1) @Max(1000) Integer minCellSize) {

  /** A citizen's answers: field code to value. */
  public record Answers(@NotNull JsonNode answers) {}
}

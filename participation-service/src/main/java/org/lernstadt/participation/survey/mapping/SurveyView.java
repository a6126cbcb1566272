package org.lernstadt.participation.survey.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.form.FormField;

/** A dialogue's questionnaire as citizens fill it in. */
public record SurveyView(
    UUID id,
    UUID dialogueId,
    String title,
    List<FormField> fields,
    int minCellSize,
    OffsetDateTime publishedAt) {}

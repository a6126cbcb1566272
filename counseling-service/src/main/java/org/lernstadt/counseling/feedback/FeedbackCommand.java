package org.lernstadt.counseling.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The short anonymous questionnaire after a session: two 1–5 scales and a yes/no. */
public record FeedbackCommand(
    @NotNull @Min(1) @Max(5) Integer satisfaction,
    @NotNull @Min(1) @Max(5) Integer helpfulness,
    @NotNull Boolean wouldRecommend) {}

package org.lernstadt.participation.dialogue.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.lernstadt.participation.dialogue.domain.Action;
import org.lernstadt.participation.dialogue.domain.Phase;
import org.lernstadt.participation.dialogue.domain.RatingMode;

/**
 * A dialogue as editors define it. Omitted settings take the defaults: up/down ratings, comments
 * nested at most 3 deep and 1,000 characters long, hidden at 3 reports, the standard actions per
 * phase without time windows.
 */
public record DialogueCommand(
    @NotBlank @Size(max = 200) String title,
    @Size(max = 5000) String description,
    @Size(max = 20) List<@NotBlank @Size(max = 500) String> questions,
    @NotEmpty @Size(max = 50) List<
                @NotNull @Pattern(
                    regexp = "[a-z0-9][a-z0-9_-]{0,59}",
                    message = "must be a code of lower-case letters, digits, _ and -")
                String>
            categories,
    @Size(max = 200) List<
                @NotNull @Pattern(
                    regexp = "[A-Za-z0-9_-]{1,20}",
                    message = "must be a district code of the catalogue")
                String>
            districts,
    RatingMode ratingMode,
    @Min(1) @Max(10) Integer maxCommentDepth,
    @Min(1) @Max(10000) Integer maxCommentLength,
    @Min(1) @Max(100) Integer reportThreshold,
    Boolean anonymousContributions,
    @Valid @Size(max = 5) List<@NotNull PhaseCommand> phases) {

  /** One phase's time window and, if given, its own set of allowed actions. */
  public record PhaseCommand(
      @NotNull Phase phase, OffsetDateTime startsAt, OffsetDateTime endsAt, Set<Action> actions) {}

  /** A request to move the dialogue to a later phase. */
  public record PhaseChange(@NotNull Phase phase) {}
}

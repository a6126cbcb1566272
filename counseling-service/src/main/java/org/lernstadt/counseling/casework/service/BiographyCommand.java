package org.lernstadt.counseling.casework.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A learning-biography entry: a milestone, a competence, or a learning disposition (interests, how
 * the person acts and engages). The content is encrypted.
 */
public record BiographyCommand(
    @NotNull Kind kind,
    @NotNull @PastOrPresent LocalDate occurredOn,
    @NotBlank @Size(max = 20000) String content) {

  public enum Kind {
    MILESTONE,
    COMPETENCE,
    DISPOSITION
  }
}

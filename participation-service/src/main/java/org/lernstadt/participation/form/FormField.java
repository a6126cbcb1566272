package org.lernstadt.participation.form;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One field of a form. {@code code} is stable (e.g. {@code learns_in_library}) and names the field
 * in answers, aggregates and events.
 */
public record FormField(
    @NotNull @Pattern(
            regexp = "[a-z][a-z0-9_]{0,59}",
            message = "must be a code of lower-case letters, digits and _")
        String code,
    @NotNull FieldKind kind,
    @NotBlank @Size(max = 500) String label,
    Boolean required,
    @Valid @Size(max = 50) List<@NotNull Option> options,
    // Bounded, so NaN and Infinity (which JSON reads from "NaN" and 1e400) are refused.
    @DecimalMin("-1e15") @DecimalMax("1e15") Double min,
    @DecimalMin("-1e15") @DecimalMax("1e15") Double max,
    Integer maxLength) {

  /** A choice with its stable code. */
  public record Option(
      @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,59}") String code,
      @NotBlank @Size(max = 200) String label) {}

  public boolean isRequired() {
    return Boolean.TRUE.equals(required);
  }
}

package org.lernstadt.counseling.centre;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A centre as an administrator registers or replaces it. */
public record CentreCommand(
    @NotBlank @Size(max = 200) String name,
    @Size(max = 200) String street,
    @Size(max = 20) String postalCode,
    @Size(max = 100) String city,
    @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @DecimalMin("-180") @DecimalMax("180") Double longitude,
    @Pattern(regexp = DISTRICT) String district,
    @Size(max = 500) String openingHours,
    @Size(max = 20) List<@NotBlank @Size(max = 20) String> languages,
    @Size(max = 20) List<@NotBlank @Size(max = 60) String> accessibility,
    @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics) {

  /** A district code as the catalogue gives it, e.g. {@code 01}. */
  static final String DISTRICT = "[A-Za-z0-9_-]{1,20}";

  static List<String> orEmpty(List<String> values) {
    return values == null ? List.of() : values;
  }
}

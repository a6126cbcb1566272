package org.lernstadt.participation.observation.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.lernstadt.participation.contribution.mapping.ContributionView;
import org.lernstadt.participation.form.FormField;

/** Commands of observation projects. */
public final class ObservationCommands {

  private ObservationCommands() {}

  public record Project(
      @NotBlank @Size(max = 200) String title,
      @Size(max = 5000) String description,
      @NotNull @Valid @Size(min = 1, max = 100) List<@NotNull FormField> fields) {}

  /** An observation: the project's fields, a point, when, and optionally a photo reference. */
  public record Observation(
      @NotNull JsonNode values,
      @NotNull @Valid ContributionView.Location location,
      @NotNull OffsetDateTime observedAt,
      @Size(max = 300) @Pattern(regexp = "[A-Za-z0-9:/._-]+") String photoRef) {}

  public record Review(
      @NotNull @Pattern(regexp = "ACCEPT|REJECT", message = "must be ACCEPT or REJECT") String decision,
      @Size(max = 1000) String reason) {}
}

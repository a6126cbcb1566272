package org.lernstadt.monitoring.area.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A split (one predecessor, several successors), a merge (several predecessors, one successor) or a
 * re-cut (several, several): the predecessors end the day before {@code effective}, the successors
 * begin on it, and each successor is linked to each predecessor.
 */
public record BoundaryChange(
    @NotNull LocalDate effective,
    @NotEmpty List<@NotBlank String> predecessors,
    @NotEmpty List<@Valid @NotNull NewArea> successors) {

  public record NewArea(
      @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be 1 to 40 of A-Z a-z 0-9 -") String code,
      @NotBlank @Size(max = 200) String name) {}
}

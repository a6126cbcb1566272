package org.lernstadt.monitoring.area.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Creates or renames a unit; its validity changes only through {@link BoundaryChange}. */
public record AreaCommand(
    @NotBlank @Size(max = 200) String name,
    @NotNull AreaLevel level,
    @Size(max = 40) String parent,
    LocalDate validFrom) {}

package org.lernstadt.counseling.casework.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.lernstadt.counseling.casework.domain.Transition;

/** Opens a case; a COUNSELLING consent (or a lead's override) is needed to process anything. */
public record OpenCaseCommand(
    @NotNull UUID centreId,
    @NotNull Transition transition,
    @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String district,
    @NotNull @Valid PersonData person,
    @Size(max = 20000) String notes,
    @Size(max = 5) List<@NotNull @Valid ConsentCommand> consents) {

  public List<ConsentCommand> consentList() {
    return consents == null ? List.of() : consents;
  }
}

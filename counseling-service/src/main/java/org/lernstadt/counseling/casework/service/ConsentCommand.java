package org.lernstadt.counseling.casework.service;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.lernstadt.counseling.casework.domain.LegalBasis;
import org.lernstadt.counseling.casework.domain.Purpose;
import org.lernstadt.counseling.casework.domain.SharedField;

/**
 * A consent (or other legal basis) for one purpose; for REFERRAL, the person fields the receiving
 * institution may see.
 */
public record ConsentCommand(
    @NotNull Purpose purpose,
    @NotNull LegalBasis legalBasis,
    List<@NotNull SharedField> sharedFields) {

  public List<SharedField> shared() {
    return sharedFields == null ? List.of() : sharedFields;
  }
}

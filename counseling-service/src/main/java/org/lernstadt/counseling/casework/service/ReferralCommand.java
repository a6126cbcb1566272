package org.lernstadt.counseling.casework.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A referral to a catalogue offer (by id) or to a partner institution (by name). */
public record ReferralCommand(
    @NotNull TargetKind targetKind, UUID offerId, @Size(max = 200) String institution) {

  public enum TargetKind {
    OFFER,
    INSTITUTION
  }
}

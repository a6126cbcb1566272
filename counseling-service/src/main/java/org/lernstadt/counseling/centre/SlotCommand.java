package org.lernstadt.counseling.centre;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** A slot a counsellor publishes in one of their centres. */
public record SlotCommand(
    @NotNull @Future OffsetDateTime start, @NotNull OffsetDateTime end, @NotNull Format format) {

  public enum Format {
    IN_PERSON,
    PHONE,
    VIDEO
  }
}

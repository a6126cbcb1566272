package org.lernstadt.participation.moderation.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.lernstadt.participation.contribution.domain.ItemKind;
import org.lernstadt.participation.moderation.domain.Decision;
import org.lernstadt.participation.moderation.domain.ReportReason;

/** The commands of moderation. */
public final class ModerationCommands {

  private ModerationCommands() {}

  /** A citizen's report; {@code note} is required for {@code OTHER}. */
  public record Report(@NotNull ReportReason reason, @Size(max = 5000) String note) {}

  /** A moderator's decision; {@code reason} (public) is required to hide or remove. */
  public record Decide(
      @NotNull ItemKind itemKind,
      @NotNull UUID itemId,
      @NotNull Decision decision,
      @Size(max = 5000) String reason) {}

  /** An author's one appeal against hiding or removal. */
  public record Appeal(
      @NotNull ItemKind itemKind, @NotNull UUID itemId, @NotNull @Size(max = 5000) String note) {}
}

package org.lernstadt.participation.moderation.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.lernstadt.participation.contribution.domain.ItemKind;

/**
 * One step of the moderation audit: a moderator's decision (with who and why), an automatic hide
 * after reports ({@code AUTO_HIDE}, no moderator) or an author's appeal ({@code APPEAL}).
 */
public record DecisionView(
    UUID id,
    ItemKind itemKind,
    UUID itemId,
    UUID dialogueId,
    String decision,
    String moderator,
    String reason,
    OffsetDateTime createdAt) {}

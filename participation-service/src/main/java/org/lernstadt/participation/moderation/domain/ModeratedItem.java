package org.lernstadt.participation.moderation.domain;

import java.util.UUID;
import org.lernstadt.participation.contribution.domain.ItemKind;
import org.lernstadt.participation.contribution.domain.ItemStatus;

/**
 * A contribution or comment under moderation, with what the rules need: its dialogue and that
 * dialogue's report threshold, its author, and the contribution's district and category.
 */
public record ModeratedItem(
    ItemKind kind,
    UUID id,
    UUID dialogueId,
    UUID contributionId,
    String author,
    ItemStatus status,
    String district,
    String category,
    int reportThreshold) {}

package org.lernstadt.participation.dialogue.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.participation.dialogue.domain.Phase;
import org.lernstadt.participation.dialogue.domain.PhaseWindow;
import org.lernstadt.participation.dialogue.domain.RatingMode;

/** A dialogue as the public and its editors see it. */
public record DialogueView(
    UUID id,
    String title,
    String description,
    List<String> questions,
    List<String> categories,
    List<String> districts,
    Phase phase,
    List<PhaseWindow> phases,
    RatingMode ratingMode,
    int maxCommentDepth,
    int maxCommentLength,
    int reportThreshold,
    boolean anonymousContributions,
    OffsetDateTime createdAt,
    OffsetDateTime phaseChangedAt) {}

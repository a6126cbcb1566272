package org.lernstadt.participation.contribution.service;

import jakarta.validation.constraints.NotNull;

/** A rating: +1/-1 for up/down dialogues, 1 to 5 for star dialogues. */
public record RatingCommand(@NotNull Integer value) {}

package org.lernstadt.participation.contribution.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.lernstadt.participation.contribution.mapping.ContributionView;

/**
 * A citizen's contribution. The text is stored as plain text and checked for length after markup is
 * removed; {@code placeRef} is the id of a learning place or offer of the catalogue; {@code
 * anonymous} (where the dialogue allows it) shows no display name and sends the contribution to
 * moderation first.
 */
public record ContributionCommand(
    @NotNull @Size(max = 20000) String text,
    @NotNull String category,
    @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "must be a district code of the catalogue") String district,
    @Valid ContributionView.Location location,
    @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9:._-]+") String placeRef,
    @Size(max = 200) String displayName,
    Boolean anonymous) {}

package org.lernstadt.catalogue.provider.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.provider.domain.Address;
import org.lernstadt.catalogue.provider.domain.LearningPlaceKind;
import org.lernstadt.catalogue.provider.domain.Location;

/**
 * A learning place as created or replaced.
 *
 * @param providerId the provider running the place; a partner may omit it (its own provider)
 * @param category a free label such as library, park or maker space
 */
public record LearningPlaceCommand(
    UUID providerId,
    @NotBlank @Size(max = 200) String name,
    @NotNull LearningPlaceKind kind,
    @NotBlank @Size(max = 60) String category,
    @Valid Address address,
    @NotNull @Valid Location location,
    @Size(max = 8) List<@NotNull AccessibilityFeature> accessibility,
    @Size(max = 1000) String openingHours) {}

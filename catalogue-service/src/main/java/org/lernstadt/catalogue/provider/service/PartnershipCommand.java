package org.lernstadt.catalogue.provider.service;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.lernstadt.catalogue.provider.domain.PartnershipKind;

/**
 * A partnership between two providers as an editor records it.
 *
 * @param since when it began; today if omitted
 */
public record PartnershipCommand(
    @NotNull UUID providerA,
    @NotNull UUID providerB,
    @NotNull PartnershipKind kind,
    LocalDate since,
    @Size(max = 2000) String description) {}

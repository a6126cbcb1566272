package org.lernstadt.catalogue.provider.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;
import org.lernstadt.catalogue.provider.domain.PartnershipKind;

/** A partnership as the API shows it; {@code endedAt} is set once it has ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnershipView(
    UUID id,
    UUID providerA,
    UUID providerB,
    PartnershipKind kind,
    LocalDate since,
    String description,
    LocalDate endedAt,
    boolean active) {}

package org.lernstadt.catalogue.provider.event;

import java.util.UUID;
import org.lernstadt.catalogue.provider.domain.ProviderKind;

/** One side of a partnership in an event: id, kind and district of the provider. */
public record Partner(UUID providerId, ProviderKind kind, String districtCode) {}

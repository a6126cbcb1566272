package org.lernstadt.catalogue.provider.event;

import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.provider.domain.ProviderKind;

/**
 * Body of {@code org.lernstadt.catalogue.provider.registered.v1}. No contact data.
 *
 * @param districtCode the district the provider lies in, or {@code null}
 * @param located whether the provider has a location at all
 */
public record ProviderRegistered(
    UUID providerId,
    String key,
    ProviderKind kind,
    String districtCode,
    boolean located,
    List<AccessibilityFeature> accessibility,
    long version) {}

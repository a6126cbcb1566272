package org.lernstadt.catalogue.provider.event;

import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.provider.domain.ProviderKind;

/**
 * Body of {@code org.lernstadt.catalogue.provider.updated.v1}: the provider's state that monitoring
 * needs after the change and the names of the fields that changed (never their values, so no
 * contact data travels).
 *
 * @param previousDistrictCode the district before the change (equal to {@code districtCode} when it
 *     did not change)
 * @param changedFields e.g. {@code ["name", "location", "district"]}
 */
public record ProviderUpdated(
    UUID providerId,
    String key,
    ProviderKind kind,
    String districtCode,
    String previousDistrictCode,
    boolean located,
    List<AccessibilityFeature> accessibility,
    List<String> changedFields,
    long version) {}

package org.lernstadt.catalogue.provider.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.provider.domain.Address;
import org.lernstadt.catalogue.provider.domain.LearningPlaceKind;
import org.lernstadt.catalogue.provider.domain.Location;

/** A learning place as the API shows it; {@code district} is assigned from the location. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningPlaceView(
    UUID id,
    UUID providerId,
    String name,
    LearningPlaceKind kind,
    String category,
    Address address,
    Location location,
    String district,
    List<AccessibilityFeature> accessibility,
    String openingHours,
    long version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}

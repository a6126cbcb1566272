package org.lernstadt.catalogue.provider.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.provider.domain.Address;
import org.lernstadt.catalogue.provider.domain.Contact;
import org.lernstadt.catalogue.provider.domain.Location;
import org.lernstadt.catalogue.provider.domain.ProviderKind;

/** A provider as the API shows it; {@code district} is assigned from the location. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderView(
    UUID id,
    String key,
    String name,
    ProviderKind kind,
    Address address,
    Location location,
    String district,
    Contact contact,
    String website,
    List<AccessibilityFeature> accessibility,
    String partnerClient,
    long version,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}

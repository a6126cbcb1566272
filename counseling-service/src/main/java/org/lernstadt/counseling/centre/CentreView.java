package org.lernstadt.counseling.centre;

import java.util.List;
import java.util.UUID;

/** A counselling centre as the public sees it. */
public record CentreView(
    UUID id,
    String name,
    String street,
    String postalCode,
    String city,
    Double latitude,
    Double longitude,
    String district,
    String openingHours,
    List<String> languages,
    List<String> accessibility,
    List<String> topics) {}

package org.lernstadt.catalogue.offer.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An offer as schema.org JSON-LD: a {@code Course} with a {@code CourseInstance} per date, the form
 * search engines and other cities' portals read.
 */
public final class OfferJsonLd {

  private OfferJsonLd() {}

  public static Map<String, Object> of(OfferView offer, String baseUrl) {
    Map<String, Object> course = new LinkedHashMap<>();
    course.put("@context", "https://schema.org");
    course.put("@type", "Course");
    course.put("@id", baseUrl + "/v1/offers/" + offer.id());
    course.put("identifier", offer.id().toString());
    course.put("name", offer.title());
    course.put("description", offer.description());
    course.put(
        "provider",
        Map.of("@type", "Organization", "@id", baseUrl + "/v1/providers/" + offer.providerId()));
    course.put("about", offer.topics());
    course.put("inLanguage", offer.languages());
    course.put(
        "audience",
        Map.of(
            "@type",
            "EducationalAudience",
            "educationalRole",
            join(offer.targetGroups(), offer.lifePhases())));
    course.put("isAccessibleForFree", "FREE".equals(offer.cost().kind()));
    if (offer.cost().feeCents() != null) {
      course.put(
          "offers",
          Map.of(
              "@type",
              "Offer",
              "price",
              offer.cost().feeCents() / 100.0,
              "priceCurrency",
              "EUR",
              "category",
              offer.cost().kind()));
    }
    if (offer.certificate() != null) {
      course.put("educationalCredentialAwarded", offer.certificate());
    }
    if (offer.registrationUrl() != null) {
      course.put("url", offer.registrationUrl());
    }
    if (!offer.accessibility().isEmpty()) {
      course.put("accessibilityFeature", offer.accessibility());
    }
    if ("CANCELLED".equals(offer.status())) {
      course.put("eventStatus", "https://schema.org/EventCancelled");
    }
    List<Map<String, Object>> instances = new ArrayList<>();
    for (OfferView.SessionView session : offer.sessions()) {
      Map<String, Object> instance = new LinkedHashMap<>();
      instance.put("@type", "CourseInstance");
      instance.put("courseMode", mode(offer.modality()));
      instance.put("startDate", session.start().toString());
      instance.put("endDate", session.end().toString());
      if (session.location() != null || session.address() != null) {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@type", "Place");
        if (session.address() != null) {
          place.put("address", session.address());
        }
        if (session.location() != null) {
          place.put(
              "geo",
              Map.of(
                  "@type",
                  "GeoCoordinates",
                  "latitude",
                  session.location().lat(),
                  "longitude",
                  session.location().lon()));
        }
        instance.put("location", place);
      }
      if (session.onlineUrl() != null) {
        instance.put("url", session.onlineUrl());
      }
      if (offer.capacity() != null) {
        instance.put("maximumAttendeeCapacity", offer.capacity());
      }
      instances.add(instance);
    }
    course.put("hasCourseInstance", instances);
    return course;
  }

  private static String mode(String modality) {
    return switch (modality) {
      case "ONLINE" -> "online";
      case "HYBRID" -> "blended";
      default -> "onsite";
    };
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    b.stream().filter(v -> !all.contains(v)).forEach(all::add);
    return all;
  }
}

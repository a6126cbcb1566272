package org.lernstadt.catalogue.provider.mapping;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.lernstadt.catalogue.common.AccessibilityFeature;
import org.lernstadt.catalogue.provider.domain.Address;
import org.lernstadt.catalogue.provider.domain.Contact;
import org.lernstadt.catalogue.provider.domain.Location;
import org.lernstadt.catalogue.provider.repository.LearningPlaceEntity;
import org.lernstadt.catalogue.provider.repository.PartnershipEntity;
import org.lernstadt.catalogue.provider.repository.ProviderEntity;

/** Rows to views, and the small conversions between API values and columns. */
public final class ProviderMapper {

  private ProviderMapper() {}

  public static ProviderView view(ProviderEntity p) {
    return new ProviderView(
        p.id,
        p.providerKey,
        p.name,
        p.kind,
        address(p.street, p.postalCode, p.city),
        location(p.latitude, p.longitude),
        p.districtCode,
        contact(p.email, p.phone),
        p.website,
        features(p.accessibility),
        p.partnerClient,
        p.version,
        p.createdAt,
        p.updatedAt);
  }

  public static LearningPlaceView view(LearningPlaceEntity l) {
    return new LearningPlaceView(
        l.id,
        l.providerId,
        l.name,
        l.kind,
        l.category,
        address(l.street, l.postalCode, l.city),
        location(l.latitude, l.longitude),
        l.districtCode,
        features(l.accessibility),
        l.openingHours,
        l.version,
        l.createdAt,
        l.updatedAt);
  }

  public static PartnershipView view(PartnershipEntity p) {
    return new PartnershipView(
        p.id, p.providerA, p.providerB, p.kind, p.since, p.description, p.endedAt, p.isActive());
  }

  public static NetworkView.Node node(ProviderEntity p) {
    return new NetworkView.Node(
        p.id, p.providerKey, p.name, p.kind, p.districtCode, p.latitude, p.longitude);
  }

  public static NetworkView.Edge edge(PartnershipEntity p) {
    return new NetworkView.Edge(p.id, p.providerA, p.providerB, p.kind, p.since);
  }

  /** The features as stored: distinct, in the order of the controlled list. */
  public static String[] columns(Collection<AccessibilityFeature> features) {
    if (features == null) {
      return new String[0];
    }
    return new TreeSet<>(features).stream().map(Enum::name).toArray(String[]::new);
  }

  public static List<AccessibilityFeature> features(String[] column) {
    if (column == null) {
      return List.of();
    }
    return Arrays.stream(column).map(AccessibilityFeature::valueOf).sorted().toList();
  }

  static Address address(String street, String postalCode, String city) {
    Address address = new Address(street, postalCode, city);
    return address.isEmpty() ? null : address;
  }

  static Location location(Double lat, Double lon) {
    return lat == null || lon == null ? null : new Location(lat, lon);
  }

  static Contact contact(String email, String phone) {
    Contact contact = new Contact(email, phone);
    return contact.isEmpty() ? null : contact;
  }
}

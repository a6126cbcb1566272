package org.lernstadt.catalogue.district.mapping;

import java.util.List;

/** A GeoJSON FeatureCollection (RFC 7946, section 3.3). */
public record GeoJsonFeatureCollection(String type, List<GeoJsonFeature> features) {

  public static GeoJsonFeatureCollection of(List<GeoJsonFeature> features) {
    return new GeoJsonFeatureCollection("FeatureCollection", List.copyOf(features));
  }
}

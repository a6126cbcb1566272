package org.lernstadt.catalogue.district.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A GeoJSON Feature (RFC 7946, section 3.2). */
public record GeoJsonFeature(
    String type, String id, JsonNode geometry, Map<String, Object> properties) {

  public static GeoJsonFeature of(String id, JsonNode geometry, Map<String, Object> properties) {
    return new GeoJsonFeature("Feature", id, geometry, properties);
  }
}

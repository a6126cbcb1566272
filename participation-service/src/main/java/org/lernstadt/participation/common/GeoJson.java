package org.lernstadt.participation.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Points as a GeoJSON FeatureCollection ({@code application/geo+json}, RFC 7946). */
public final class GeoJson {

  public static final String MEDIA_TYPE = "application/geo+json";

  private GeoJson() {}

  /** A point feature; coordinates in GeoJSON order (longitude, latitude). */
  public static Map<String, Object> point(
      Object id, double lat, double lon, Map<String, Object> properties) {
    Map<String, Object> feature = new LinkedHashMap<>();
    feature.put("type", "Feature");
    feature.put("id", id);
    feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
    feature.put("properties", properties);
    return feature;
  }

  /** The features as a 200 response of media type {@value #MEDIA_TYPE}. */
  public static Response response(ObjectMapper json, List<Map<String, Object>> features) {
    try {
      String body =
          json.writeValueAsString(Map.of("type", "FeatureCollection", "features", features));
      return Response.ok(body, MEDIA_TYPE).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write GeoJSON", e);
    }
  }
}

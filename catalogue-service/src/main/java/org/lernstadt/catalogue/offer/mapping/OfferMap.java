package org.lernstadt.catalogue.offer.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The offers of a search as a GeoJSON FeatureCollection (RFC 7946) for a map: one Point feature per
 * offer, or, where too many offers match, per cluster of nearby offers. The foreign members {@code
 * total}, {@code clustered} and {@code omitted} say how many located offers match, how many of them
 * are shown only as part of a cluster and how many are not shown at all.
 */
@JsonPropertyOrder({"type", "features", "total", "clustered", "omitted"})
public record OfferMap(
    String type, List<Feature> features, long total, long clustered, long omitted) {

  public static final String MEDIA_TYPE = "application/geo+json";

  public static OfferMap of(List<Feature> features, long total, long clustered, long omitted) {
    return new OfferMap("FeatureCollection", List.copyOf(features), total, clustered, omitted);
  }

  /** A Point feature; {@code id} is the offer's id, absent for a cluster. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"type", "id", "geometry", "properties"})
  public record Feature(String type, UUID id, Point geometry, Map<String, Object> properties) {}

  /** A GeoJSON Point: {@code [longitude, latitude]}, in this order. */
  public record Point(String type, double[] coordinates) {
    static Point of(double lat, double lon) {
      return new Point("Point", new double[] {round(lon), round(lat)});
    }
  }

  /** One offer at the point of one of its dates. */
  public static Feature offer(
      UUID id,
      String title,
      List<String> topics,
      String modality,
      String costKind,
      OffsetDateTime firstStart,
      double lat,
      double lon) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("id", id);
    properties.put("title", title);
    properties.put("topics", topics);
    properties.put("modality", modality);
    properties.put("costKind", costKind);
    properties.put("firstStart", firstStart);
    return new Feature("Feature", id, Point.of(lat, lon), properties);
  }

  /** {@code count} offers close to each other, at their mean point. */
  public static Feature cluster(long count, double lat, double lon) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("cluster", true);
    properties.put("count", count);
    return new Feature("Feature", null, Point.of(lat, lon), properties);
  }

  /** Six decimals, about 0.1 m, as RFC 7946 (section 11.2) suggests. */
  private static double round(double degrees) {
    return Math.round(degrees * 1e6) / 1e6;
  }
}

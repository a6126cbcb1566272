package org.lernstadt.catalogue.district.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lernstadt.catalogue.district.service.District;

/** Districts as GeoJSON features with {@code code} and {@code name} in their properties. */
public final class DistrictMapper {

  private DistrictMapper() {}

  public static GeoJsonFeature feature(District district) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("code", district.code());
    properties.put("name", district.name());
    return GeoJsonFeature.of(district.code(), district.geometry(), properties);
  }

  public static GeoJsonFeatureCollection collection(List<District> districts) {
    return GeoJsonFeatureCollection.of(districts.stream().map(DistrictMapper::feature).toList());
  }
}

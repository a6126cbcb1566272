package org.lernstadt.catalogue.district.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lernstadt.catalogue.district.mapping.GeoJsonPolygon;

/**
 * A district's name and boundary as an editor uploads it ({@code PUT /v1/districts/{code}}).
 *
 * @param name the district's name
 * @param geometry a GeoJSON Polygon; only its outer ring is supported
 */
public record DistrictCommand(
    @NotBlank @Size(max = 200) String name, @NotNull @Valid GeoJsonPolygon geometry) {}

package org.lernstadt.catalogue.district.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A GeoJSON Polygon (RFC 7946, section 3.1.6): {@code coordinates} is a list of linear rings, each
 * a list of positions {@code [longitude, latitude]} (an optional third number, the altitude, is
 * ignored). Only the outer ring is supported; {@link PolygonRules} checks the rest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GeoJsonPolygon(
    @NotNull String type,
    @NotNull @Size(min = 1, max = 1, message = "must hold exactly one ring (holes are not supported)")
        List<List<List<Double>>> coordinates,
    List<Double> bbox) {}

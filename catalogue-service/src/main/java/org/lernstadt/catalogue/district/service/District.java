package org.lernstadt.catalogue.district.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One district of the city as stored.
 *
 * @param code the district's code, e.g. {@code altstadt}
 * @param name its name as people know it
 * @param geometry its boundary as a GeoJSON Polygon
 */
public record District(String code, String name, JsonNode geometry) {}

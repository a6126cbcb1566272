package org.lernstadt.catalogue.district.service;

/**
 * A point on the map in WGS 84 degrees.
 *
 * @param lat latitude, −90 to 90
 * @param lon longitude, −180 to 180
 */
public record GeoPoint(double lat, double lon) {}

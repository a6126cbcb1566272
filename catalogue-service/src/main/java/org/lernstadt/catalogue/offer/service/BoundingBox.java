package org.lernstadt.catalogue.offer.service;

import java.util.List;
import java.util.regex.Pattern;
import org.lernstadt.platform.web.Problem;
import org.lernstadt.platform.web.ProblemException;

/**
 * The part of the map a client shows, as RFC 7946 writes a bbox: {@code
 * minLon,minLat,maxLon,maxLat}. A box whose west edge lies east of its east edge crosses the
 * antimeridian (RFC 7946, section 5.2).
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d{1,3}(\\.\\d{0,15})?|\\.\\d{1,15})");

  public boolean crossesAntimeridian() {
    return minLon > maxLon;
  }

  /** The larger side in degrees. */
  public double span() {
    double width = crossesAntimeridian() ? maxLon + 360 - minLon : maxLon - minLon;
    return Math.max(width, maxLat - minLat);
  }

  /** The client's {@code bbox} parameter; null if absent; 400 naming {@code bbox} if malformed. */
  public static BoundingBox parse(String bbox) {
    if (bbox == null || bbox.isBlank()) {
      return null;
    }
    String[] parts = bbox.split(",", -1);
    if (parts.length != 4) {
      throw bad("must be four numbers: minLon,minLat,maxLon,maxLat");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i].strip();
      if (!NUMBER.matcher(part).matches()) {
        throw bad("'" + part + "' is not a number");
      }
      v[i] = Double.parseDouble(part);
    }
    if (Math.abs(v[0]) > 180 || Math.abs(v[2]) > 180) {
      throw bad("longitudes must be between -180 and 180");
    }
    if (Math.abs(v[1]) > 90 || Math.abs(v[3]) > 90) {
      throw bad("latitudes must be between -90 and 90");
    }
    if (v[1] > v[3]) {
      throw bad("minLat must not be greater than maxLat");
    }
    return new BoundingBox(v[0], v[1], v[2], v[3]);
  }

  private static ProblemException bad(String reason) {
    return new ProblemException(
        400,
        "Bad Request",
        "The bounding box is not valid.",
        List.of(new Problem.FieldError("bbox", reason)));
  }
}

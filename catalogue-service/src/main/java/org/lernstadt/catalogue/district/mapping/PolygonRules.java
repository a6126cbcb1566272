package org.lernstadt.catalogue.district.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lernstadt.platform.web.Problem.FieldError;

/**
 * Checks a district boundary and turns it into PostgreSQL's {@code polygon} literal, which the
 * database uses for point-in-polygon ({@code boundary @> point(lon, lat)}).
 */
public final class PolygonRules {

  /** More positions than any district boundary needs; the body limit stops far larger ones. */
  public static final int MAX_POSITIONS = 20_000;

  private PolygonRules() {}

  /** Every rule the polygon breaks, each naming the JSON path of the offending value. */
  public static List<FieldError> check(GeoJsonPolygon polygon) {
    List<FieldError> errors = new ArrayList<>();
    if (polygon == null) {
      return errors;
    }
    if (polygon.type() != null && !"Polygon".equals(polygon.type())) {
      errors.add(new FieldError("geometry.type", "must be \"Polygon\""));
    }
    List<List<List<Double>>> rings = polygon.coordinates();
    if (rings == null || rings.size() != 1) {
      return errors; // bean validation reports these
    }
    List<List<Double>> ring = rings.getFirst();
    String path = "geometry.coordinates[0]";
    if (ring == null || ring.size() < 4) {
      errors.add(new FieldError(path, "a linear ring needs at least 4 positions"));
      return errors;
    }
    if (ring.size() > MAX_POSITIONS) {
      errors.add(new FieldError(path, "must have at most " + MAX_POSITIONS + " positions"));
      return errors;
    }
    boolean positionsValid = true;
    for (int i = 0; i < ring.size(); i++) {
      String at = path + "[" + i + "]";
      List<Double> position = ring.get(i);
      if (position == null || position.size() < 2 || position.size() > 3) {
        errors.add(new FieldError(at, "must be [longitude, latitude]"));
        positionsValid = false;
        continue;
      }
      Double lon = position.get(0);
      Double lat = position.get(1);
      if (lon == null || !Double.isFinite(lon) || lon < -180 || lon > 180) {
        errors.add(new FieldError(at + "[0]", "longitude must be between -180 and 180"));
        positionsValid = false;
      }
      if (lat == null || !Double.isFinite(lat) || lat < -90 || lat > 90) {
        errors.add(new FieldError(at + "[1]", "latitude must be between -90 and 90"));
        positionsValid = false;
      }
    }
    if (!positionsValid) {
      return errors;
    }
    List<Double> first = ring.getFirst();
    List<Double> last = ring.getLast();
    if (!first.get(0).equals(last.get(0)) || !first.get(1).equals(last.get(1))) {
      errors.add(
          new FieldError(path, "the ring is not closed: its last position must equal its first"));
    } else if (ring.stream().map(p -> p.subList(0, 2)).distinct().count() < 3) {
      errors.add(new FieldError(path, "the ring needs at least 3 distinct positions"));
    }
    return errors;
  }

  /** The outer ring as a PostgreSQL polygon literal, {@code ((lon,lat),...)}. */
  public static String toPostgres(GeoJsonPolygon polygon) {
    StringBuilder literal = new StringBuilder("(");
    List<List<Double>> ring = polygon.coordinates().getFirst();
    for (int i = 0; i < ring.size(); i++) {
      if (i > 0) {
        literal.append(',');
      }
      literal.append(String.format(Locale.ROOT, "(%s,%s)", ring.get(i).get(0), ring.get(i).get(1)));
    }
    return literal.append(')').toString();
  }

  /** The polygon as it is stored: type and coordinates only (the bounding box is dropped). */
  public static GeoJsonPolygon normalised(GeoJsonPolygon polygon) {
    return new GeoJsonPolygon("Polygon", polygon.coordinates(), null);
  }
}

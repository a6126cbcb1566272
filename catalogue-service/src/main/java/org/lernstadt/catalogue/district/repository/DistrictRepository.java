package org.lernstadt.catalogue.district.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lernstadt.catalogue.district.service.GeoPoint;

/**
 * SQL of the {@code district} table. The boundary is kept twice: as PostgreSQL {@code polygon} for
 * point-in-polygon and as the GeoJSON the editor uploaded ({@code jsonb}). Runs on the current
 * Hibernate Reactive session, so writes join the caller's transaction.
 */
@ApplicationScoped
public class DistrictRepository {

  /** A stored district: code, name and the GeoJSON geometry as text. */
  public record Row(String code, String name, String geometry) {}

  /** The district containing a point, by the rule of the database function {@code district_at}. */
  static final String DISTRICT_AT = "select district_at(%s, %s)";

  private static final String DISTRICTS_AT =
      "select p.i, district_at(p.lat, p.lon)"
          + " from unnest(cast(cast(:lats as text) as float8[]),"
          + " cast(cast(:lons as text) as float8[])) with ordinality as p(lat, lon, i)"
          + " order by p.i";

  private static final String UPSERT =
      "insert into district (code, name, boundary, geometry)"
          + " values (:code, :name, cast(cast(:boundary as text) as polygon),"
          + " cast(cast(:geometry as text) as jsonb))"
          + " on conflict (code) do update set name = excluded.name,"
          + " boundary = excluded.boundary, geometry = excluded.geometry";

  private static final String SELECT = "select code, name, cast(geometry as text) from district";

  public Uni<String> districtAt(double lat, double lon) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(DISTRICT_AT.formatted(":lat", ":lon"), String.class)
                    .setParameter("lon", lon)
                    .setParameter("lat", lat)
                    .getResultList())
        .map(codes -> codes.isEmpty() ? null : codes.getFirst());
  }

  /** The same on a plain reactive SQL client (a Vert.x connection or pool). */
  public Uni<String> districtAt(SqlClient sql, double lat, double lon) {
    return sql.preparedQuery(DISTRICT_AT.formatted("$1", "$2"))
        .execute(Tuple.of(lat, lon))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  /** The district of each point, in order ({@code null} where a point lies in none). */
  public Uni<List<String>> districtsAt(List<GeoPoint> points) {
    if (points.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    String lats =
        points.stream()
            .map(p -> Double.toString(p.lat()))
            .collect(Collectors.joining(",", "{", "}"));
    String lons =
        points.stream()
            .map(p -> Double.toString(p.lon()))
            .collect(Collectors.joining(",", "{", "}"));
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(DISTRICTS_AT, Object[].class)
                    .setParameter("lats", lats)
                    .setParameter("lons", lons)
                    .getResultList())
        .map(
            rows -> {
              List<String> codes = new ArrayList<>(Arrays.asList(new String[points.size()]));
              for (Object[] row : rows) {
                codes.set(((Number) row[0]).intValue() - 1, (String) row[1]);
              }
              return codes;
            });
  }

  public Uni<Boolean> exists(String code) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery("select code from district where code = :code", String.class)
                    .setParameter("code", code)
                    .getResultList())
        .map(codes -> !codes.isEmpty());
  }

  /** Inserts or replaces the district; must run in a transaction. */
  public Uni<Void> upsert(String code, String name, String boundary, String geometry) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(UPSERT)
                    .setParameter("code", code)
                    .setParameter("name", name)
                    .setParameter("boundary", boundary)
                    .setParameter("geometry", geometry)
                    .executeUpdate())
        .replaceWithVoid();
  }

  public Uni<List<Row>> list() {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery(SELECT + " order by code", Object[].class).getResultList())
        .map(rows -> rows.stream().map(DistrictRepository::row).toList());
  }

  public Uni<Optional<Row>> find(String code) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(SELECT + " where code = :code", Object[].class)
                    .setParameter("code", code)
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(DistrictRepository::row));
  }

  private static Row row(Object[] columns) {
    return new Row((String) columns[0], (String) columns[1], (String) columns[2]);
  }
}

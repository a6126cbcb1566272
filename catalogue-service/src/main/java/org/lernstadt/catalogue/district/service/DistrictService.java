package org.lernstadt.catalogue.district.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.lernstadt.catalogue.district.mapping.GeoJsonPolygon;
import org.lernstadt.catalogue.district.mapping.PolygonRules;
import org.lernstadt.catalogue.district.repository.DistrictRepository;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/**
 * The city's districts: their boundaries, and which district a point lies in.
 *
 * <p>Every located thing of the catalogue (provider, learning place, offer session) is assigned its
 * district from its coordinates when it is stored: call {@link #districtAt(double, double)} (or
 * {@link #districtsAt(List)} for many points in one query). When an editor uploads or changes a
 * boundary, every {@link DistrictChangeListener} bean reassigns what it keeps, in the same
 * transaction.
 */
@ApplicationScoped
public class DistrictService {

  @Inject DistrictRepository districts;
  @Inject Instance<DistrictChangeListener> listeners;
  @Inject ObjectMapper json;

  /** The outcome of {@link #put}: the district as stored and whether it was new. */
  public record Stored(District district, boolean created) {}

  /**
   * The code of the district containing the point, or {@code null} when it lies outside every
   * district (or no districts are loaded). A point on a border shared by two districts goes to the
   * one whose code sorts first. Joins the caller's Hibernate Reactive session if there is one.
   *
   * @param lat latitude in degrees (WGS 84)
   * @param lon longitude in degrees (WGS 84)
   */
  @WithSession
  public Uni<String> districtAt(double lat, double lon) {
    return districts.districtAt(lat, lon);
  }

  /**
   * The same as {@link #districtAt(double, double)} on a plain reactive SQL client, for code that
   * writes with the Vert.x client rather than Hibernate (e.g. inside {@code Pool.withTransaction}).
   */
  public Uni<String> districtAt(SqlClient sql, double lat, double lon) {
    return districts.districtAt(sql, lat, lon);
  }

  /**
   * The district code of each point, in the order given ({@code null} where a point lies in no
   * district), in one query.
   */
  @WithSession
  public Uni<List<String>> districtsAt(List<GeoPoint> points) {
    return districts.districtsAt(points);
  }

  /**
   * Creates or replaces a district and reassigns everything located in or previously assigned to
   * it. Fails with 422 naming the field if the polygon breaks a rule.
   */
  @WithTransaction
  public Uni<Stored> put(String code, DistrictCommand command) {
    List<FieldError> broken = PolygonRules.check(command.geometry());
    if (!broken.isEmpty()) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  422, "Unprocessable Content", "The district boundary is not valid.", broken));
    }
    GeoJsonPolygon geometry = PolygonRules.normalised(command.geometry());
    String geoJson;
    try {
      geoJson = json.writeValueAsString(geometry);
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(e);
    }
    String name = command.name().strip();
    return districts
        .exists(code)
        .call(existed -> districts.upsert(code, name, PolygonRules.toPostgres(geometry), geoJson))
        .call(
            existed ->
                Multi.createFrom()
                    .iterable(listeners)
                    .onItem()
                    .transformToUniAndConcatenate(listener -> listener.boundaryChanged(code))
                    .collect()
                    .last())
        .map(existed -> new Stored(new District(code, name, json.valueToTree(geometry)), !existed));
  }

  @WithSession
  public Uni<List<District>> list() {
    return districts.list().map(rows -> rows.stream().map(this::district).toList());
  }

  @WithSession
  public Uni<District> get(String code) {
    return districts
        .find(code)
        .map(
            row ->
                row.map(this::district)
                    .orElseThrow(() -> ProblemException.notFound("District " + code)));
  }

  private District district(DistrictRepository.Row row) {
    try {
      return new District(row.code(), row.name(), json.readTree(row.geometry()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored geometry of district " + row.code() + " is not JSON");
    }
  }
}

package org.lernstadt.catalogue.district.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.district.mapping.DistrictMapper;
import org.lernstadt.catalogue.district.mapping.GeoJsonFeature;
import org.lernstadt.catalogue.district.mapping.GeoJsonFeatureCollection;
import org.lernstadt.catalogue.district.service.DistrictCommand;
import org.lernstadt.catalogue.district.service.DistrictService;

/** The city's districts as GeoJSON; editors upload their boundaries. */
@Path("/v1/districts")
@Tag(name = "Districts")
public class DistrictResource {

  /** RFC 7946's media type. */
  public static final String GEO_JSON = "application/geo+json";

  static final String CODE = "[a-z0-9-]{1,40}";
  static final String CODE_MESSAGE = "must be 1 to 40 of a-z 0-9 -";

  @Inject DistrictService districts;

  @GET
  @PermitAll
  @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
  @Operation(summary = "All districts as a GeoJSON FeatureCollection (code and name in properties)")
  public Uni<GeoJsonFeatureCollection> list() {
    return districts.list().map(DistrictMapper::collection);
  }

  @GET
  @Path("{code}")
  @PermitAll
  @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
  @Operation(summary = "One district as a GeoJSON Feature")
  public Uni<GeoJsonFeature> get(
      @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
    return districts.get(code).map(DistrictMapper::feature);
  }

  @PUT
  @Path("{code}")
  @RolesAllowed({"editor", "admin"})
  @Consumes({MediaType.APPLICATION_JSON, GEO_JSON})
  @Produces({GEO_JSON, MediaType.APPLICATION_JSON})
  @Operation(
      summary =
          "Create or replace a district: name and GeoJSON Polygon (outer ring); places and"
              + " providers are assigned their district again")
  public Uni<Response> put(
      @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
      @Valid @NotNull DistrictCommand district) {
    return districts
        .put(code, district)
        .map(
            stored -> {
              GeoJsonFeature feature = DistrictMapper.feature(stored.district());
              return (stored.created()
                      ? Response.created(URI.create("/v1/districts/" + code))
                      : Response.ok())
                  .entity(feature)
                  .build();
            });
  }
}

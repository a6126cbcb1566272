package org.lernstadt.participation.observation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.common.GeoJson;
import org.lernstadt.participation.observation.mapping.ObservationView;
import org.lernstadt.participation.observation.service.ObservationCommands;
import org.lernstadt.participation.observation.service.ObservationService;

/** Observations of a project: submitted by citizens, reviewed by moderators, open once accepted. */
@Path("/v1/projects/{id}/observations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Citizen science")
public class ObservationResource {

  @Inject ObservationService observations;
  @Inject ObjectMapper json;
  @Inject JsonWebToken token;

  @GET
  @PermitAll
  @Operation(summary = "Accepted observations (open data)")
  public Uni<List<ObservationView>> accepted(@PathParam("id") UUID id) {
    return observations.accepted(id);
  }

  @GET
  @Path("map")
  @PermitAll
  @Produces(GeoJson.MEDIA_TYPE)
  @Operation(summary = "Accepted observations as a GeoJSON FeatureCollection (open data)")
  public Uni<Response> map(@PathParam("id") UUID id) {
    return observations
        .accepted(id)
        .map(
            list ->
                GeoJson.response(
                    json,
                    list.stream()
                        .map(
                            o -> {
                              Map<String, Object> properties = new LinkedHashMap<>();
                              properties.put("district", o.district());
                              properties.put("observedAt", o.observedAt().toString());
                              properties.put("photoRef", o.photoRef());
                              properties.put("values", o.values());
                              return GeoJson.point(o.id(), o.lat(), o.lon(), properties);
                            })
                        .toList()));
  }

  @POST
  @RolesAllowed("citizen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Submit an observation; it waits for review")
  public Uni<Response> submit(
      @PathParam("id") UUID id, @Valid @NotNull ObservationCommands.Observation command) {
    return observations
        .submit(id, command, token.getSubject())
        .map(o -> Response.status(201).entity(o).build());
  }

  @GET
  @Path("pending")
  @RolesAllowed({"moderator", "admin"})
  @Operation(summary = "Observations waiting for review")
  public Uni<List<ObservationView>> pending(@PathParam("id") UUID id) {
    return observations.pending(id);
  }

  @POST
  @Path("{observationId}/review")
  @RolesAllowed({"moderator", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Accept or reject an observation")
  public Uni<ObservationView> review(
      @PathParam("id") UUID id,
      @PathParam("observationId") UUID observationId,
      @Valid @NotNull ObservationCommands.Review command) {
    return observations.review(id, observationId, command, token.getSubject());
  }
}

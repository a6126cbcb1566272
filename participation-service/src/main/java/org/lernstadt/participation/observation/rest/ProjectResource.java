package org.lernstadt.participation.observation.rest;

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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.observation.mapping.ProjectView;
import org.lernstadt.participation.observation.service.ObservationCommands;
import org.lernstadt.participation.observation.service.ObservationService;

/** Citizen-science projects of kind observation. */
@Path("/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Citizen science")
public class ProjectResource {

  @Inject ObservationService observations;
  @Inject JsonWebToken token;

  @POST
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an observation project with its fields")
  public Uni<Response> create(@Valid @NotNull ObservationCommands.Project command) {
    return observations
        .createProject(command, token.getSubject())
        .map(p -> Response.created(URI.create("/v1/projects/" + p.id())).entity(p).build());
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "A project with the fields an observation records")
  public Uni<ProjectView> get(@PathParam("id") UUID id) {
    return observations.project(id);
  }
}

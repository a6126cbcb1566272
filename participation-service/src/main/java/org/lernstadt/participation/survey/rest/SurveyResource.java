package org.lernstadt.participation.survey.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.survey.mapping.SurveyResults;
import org.lernstadt.participation.survey.mapping.SurveyView;
import org.lernstadt.participation.survey.service.SurveyCommand;
import org.lernstadt.participation.survey.service.SurveyService;

/** A dialogue's questionnaire and its published aggregates. */
@Path("/v1/dialogues/{id}/survey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey")
public class SurveyResource {

  @Inject SurveyService surveys;

  @GET
  @PermitAll
  @Operation(summary = "The questionnaire")
  public Uni<SurveyView> get(@PathParam("id") UUID id) {
    return surveys.get(id);
  }

  @PUT
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Define or replace the questionnaire (until the first response)")
  public Uni<SurveyView> define(@PathParam("id") UUID id, @Valid @NotNull SurveyCommand command) {
    return surveys.define(id, command);
  }

  @GET
  @Path("results")
  @PermitAll
  @Operation(summary = "Published aggregates per question and district, small cells suppressed")
  public Uni<SurveyResults> results(@PathParam("id") UUID id) {
    return surveys.results(id);
  }

  @POST
  @Path("results")
  @RolesAllowed({"editor", "admin"})
  @Operation(summary = "Publish the aggregates (once); they also go out as an event")
  public Uni<SurveyResults> publish(@PathParam("id") UUID id) {
    return surveys.publish(id);
  }
}

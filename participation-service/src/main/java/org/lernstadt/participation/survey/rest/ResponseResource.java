package org.lernstadt.participation.survey.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.survey.service.SurveyCommand;
import org.lernstadt.participation.survey.service.SurveyService;

/** Citizens answer a dialogue's questionnaire, once each. */
@Path("/v1/dialogues/{id}/responses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Survey")
public class ResponseResource {

  @Inject SurveyService surveys;
  @Inject JsonWebToken token;

  @POST
  @RolesAllowed("citizen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Answer the questionnaire (once per citizen)")
  public Uni<Response> respond(
      @PathParam("id") UUID id, @Valid @NotNull SurveyCommand.Answers answers) {
    return surveys
        .respond(id, answers, token.getSubject())
        .map(r -> Response.status(201).entity(Map.of("id", r)).build());
  }
}

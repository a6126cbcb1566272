package org.lernstadt.participation.results.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.results.mapping.AnswerView;
import org.lernstadt.participation.results.service.AnswerCommand;
import org.lernstadt.participation.results.service.ResultsService;

/** The city's answer to one contribution. */
@Path("/v1/contributions/{id}/answer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
public class ContributionAnswerResource {

  @Inject ResultsService results;
  @Inject JsonWebToken token;

  @PUT
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Answer a public contribution, with status and progress")
  public Uni<AnswerView> answer(@PathParam("id") UUID id, @Valid @NotNull AnswerCommand command) {
    return results.answerContribution(id, command, token.getSubject());
  }
}

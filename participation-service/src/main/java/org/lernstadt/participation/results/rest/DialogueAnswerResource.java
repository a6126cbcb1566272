package org.lernstadt.participation.results.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.results.mapping.AnswerView;
import org.lernstadt.participation.results.service.AnswerCommand;
import org.lernstadt.participation.results.service.ResultsService;

/** The city's answers to a dialogue, which citizens follow after it closed. */
@Path("/v1/dialogues/{id}/answers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
public class DialogueAnswerResource {

  @Inject ResultsService results;
  @Inject JsonWebToken token;

  @GET
  @PermitAll
  @Operation(summary = "The city's answers per category and per public contribution")
  public Uni<List<AnswerView>> answers(@PathParam("id") UUID id) {
    return results.answers(id);
  }

  @PUT
  @Path("categories/{category}")
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Answer a category of the dialogue, with status and progress")
  public Uni<AnswerView> answerCategory(
      @PathParam("id") UUID id,
      @PathParam("category") String category,
      @Valid @NotNull AnswerCommand command) {
    return results.answerCategory(id, category, command, token.getSubject());
  }
}

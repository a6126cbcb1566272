package org.lernstadt.participation.moderation.rest;

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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.contribution.domain.ItemKind;
import org.lernstadt.participation.moderation.service.ModerationCommands;
import org.lernstadt.participation.moderation.service.ModerationService;

/** Citizens report a comment. */
@Path("/v1/comments/{id}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
public class CommentReportResource {

  @Inject ModerationService moderation;
  @Inject JsonWebToken token;

  @POST
  @RolesAllowed("citizen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Report a comment, once per citizen")
  public Uni<Response> report(
      @PathParam("id") UUID id, @Valid @NotNull ModerationCommands.Report command) {
    return moderation
        .report(ItemKind.COMMENT, id, command, token.getSubject())
        .map(r -> Response.status(201).entity(r).build());
  }
}

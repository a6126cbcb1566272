package org.lernstadt.participation.moderation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.moderation.mapping.DecisionView;
import org.lernstadt.participation.moderation.mapping.QueueItem;
import org.lernstadt.participation.moderation.service.ModerationCommands;
import org.lernstadt.participation.moderation.service.ModerationService;

/** The moderators' queue and decisions; the authors' appeals. */
@Path("/v1/moderation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Moderation")
public class ModerationResource {

  @Inject ModerationService moderation;
  @Inject JsonWebToken token;

  @GET
  @Path("queue")
  @RolesAllowed({"moderator", "admin"})
  @Operation(summary = "Reported, pending and appealed items, most reported first")
  public Uni<List<QueueItem>> queue(
      @QueryParam("dialogueId") UUID dialogueId,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return moderation.queue(dialogueId, limit);
  }

  @POST
  @Path("decisions")
  @RolesAllowed({"moderator", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Keep (restore), hide with a public reason, or remove an item")
  public Uni<Response> decide(@Valid @NotNull ModerationCommands.Decide command) {
    return moderation
        .decide(command, token.getSubject())
        .map(d -> Response.status(201).entity(d).build());
  }

  @GET
  @Path("decisions")
  @RolesAllowed({"moderator", "admin"})
  @Operation(summary = "The moderation audit, newest first, of an item, a dialogue or all")
  public Uni<List<DecisionView>> decisions(
      @QueryParam("itemId") UUID itemId,
      @QueryParam("dialogueId") UUID dialogueId,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return moderation.decisions(itemId, dialogueId, limit);
  }

  @POST
  @Path("appeals")
  @RolesAllowed("citizen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Appeal once against the hiding or removal of one's own item")
  public Uni<Response> appeal(@Valid @NotNull ModerationCommands.Appeal command) {
    return moderation
        .appeal(command, token.getSubject())
        .map(d -> Response.status(201).entity(d).build());
  }
}

package org.lernstadt.participation.contribution.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.contribution.mapping.CommentView;
import org.lernstadt.participation.contribution.mapping.ContributionView;
import org.lernstadt.participation.contribution.service.CommentCommand;
import org.lernstadt.participation.contribution.service.CommentService;
import org.lernstadt.participation.contribution.service.ContributionService;
import org.lernstadt.participation.contribution.service.RatingCommand;
import org.lernstadt.participation.contribution.service.RatingService;

/** Contributions, their comments and ratings: read by anyone, written by citizens. */
@Path("/v1/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contribution")
public class ContributionResource {

  @Inject ContributionService contributions;
  @Inject CommentService comments;
  @Inject RatingService ratings;
  @Inject JsonWebToken token;

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "One public contribution")
  public Uni<ContributionView> get(@PathParam("id") UUID id) {
    return contributions.get(id);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("citizen")
  @Operation(summary = "Delete one's own contribution; it is anonymised")
  public Uni<Response> delete(@PathParam("id") UUID id) {
    return contributions.delete(id, token.getSubject()).map(v -> Response.noContent().build());
  }

  @GET
  @Path("{id}/comments")
  @PermitAll
  @Operation(summary = "The public comments of a contribution, in writing order")
  public Uni<List<CommentView>> comments(@PathParam("id") UUID id) {
    return comments.thread(id);
  }

  @POST
  @Path("{id}/comments")
  @RolesAllowed("citizen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Comment on a contribution or reply to a comment")
  public Uni<Response> comment(@PathParam("id") UUID id, @Valid @NotNull CommentCommand command) {
    return comments
        .post(id, command, token.getSubject())
        .map(
            c ->
                Response.created(URI.create("/v1/contributions/" + id + "/comments"))
                    .entity(c)
                    .build());
  }

  @PUT
  @Path("{id}/rating")
  @RolesAllowed("citizen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Give or change one's rating of a contribution")
  public Uni<ContributionView> rate(
      @PathParam("id") UUID id, @Valid @NotNull RatingCommand rating) {
    return ratings.rate(id, rating.value(), token.getSubject());
  }
}

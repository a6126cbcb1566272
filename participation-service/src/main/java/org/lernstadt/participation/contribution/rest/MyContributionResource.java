package org.lernstadt.participation.contribution.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.contribution.mapping.CommentView;
import org.lernstadt.participation.contribution.mapping.ContributionView;
import org.lernstadt.participation.contribution.service.CommentService;
import org.lernstadt.participation.contribution.service.ContributionService;

/** What a citizen wrote, in any status, with the moderators' reasons. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contribution")
public class MyContributionResource {

  @Inject ContributionService contributions;
  @Inject CommentService comments;
  @Inject JsonWebToken token;

  @GET
  @Path("contributions")
  @RolesAllowed("citizen")
  @Operation(summary = "One's own contributions in any status, with moderation reasons")
  public Uni<List<ContributionView>> mine() {
    return contributions.mine(token.getSubject());
  }

  @GET
  @Path("comments")
  @RolesAllowed("citizen")
  @Operation(summary = "One's own comments in any status, with moderation reasons")
  public Uni<List<CommentView>> myComments() {
    return comments.mine(token.getSubject());
  }
}

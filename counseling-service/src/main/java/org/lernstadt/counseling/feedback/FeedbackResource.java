package org.lernstadt.counseling.feedback;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Anonymous feedback after a session; the quality view is a centre's ({@code CentreResource}). */
@Path("/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback and quality")
public class FeedbackResource {

  @Inject FeedbackService feedback;

  @POST
  @Path("/{token}")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Answer the questionnaire of a one-time feedback link (anonymous)")
  public Uni<Response> submit(
      @PathParam("token") String token, @Valid @NotNull FeedbackCommand answers) {
    return feedback.submit(token, answers).map(done -> Response.noContent().build());
  }
}

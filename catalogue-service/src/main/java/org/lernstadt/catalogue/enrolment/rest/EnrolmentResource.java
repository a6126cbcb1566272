package org.lernstadt.catalogue.enrolment.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.enrolment.mapping.EnrolmentView;
import org.lernstadt.catalogue.enrolment.service.EnrolmentService;

/** A citizen's own enrolment by its id; another citizen's enrolment is not found. */
@Path("/v1/enrolments/{enrolmentId}")
@RolesAllowed("citizen")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enrolment")
public class EnrolmentResource {

  @Inject EnrolmentService enrolments;
  @Inject JsonWebToken token;

  @GET
  @Operation(summary = "One of the citizen's own enrolments")
  public Uni<EnrolmentView> get(@PathParam("enrolmentId") UUID enrolmentId) {
    return enrolments.get(enrolmentId, token.getSubject());
  }

  @DELETE
  @Operation(
      summary =
          "Cancel one of the citizen's own enrolments; a freed place goes to the first on the"
              + " waiting list")
  public Uni<EnrolmentView> cancel(@PathParam("enrolmentId") UUID enrolmentId) {
    return enrolments.cancel(enrolmentId, token.getSubject());
  }
}

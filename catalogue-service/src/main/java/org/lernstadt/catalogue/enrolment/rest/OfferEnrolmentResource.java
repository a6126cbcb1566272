package org.lernstadt.catalogue.enrolment.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.enrolment.mapping.EnrolmentView;
import org.lernstadt.catalogue.enrolment.service.EnrolmentService;

/**
 * A citizen enrols in an offer that takes enrolments here (a published offer with a capacity), sees
 * their own status and place on the waiting list, and cancels. The citizen is the token's subject,
 * never a request field.
 */
@Path("/v1/offers/{id}/enrolments")
@RolesAllowed("citizen")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enrolment")
public class OfferEnrolmentResource {

  @Inject EnrolmentService enrolments;
  @Inject JsonWebToken token;

  @POST
  @Operation(
      summary =
          "Enrol: 201 ENROLLED, or WAITLISTED with a position when the group is full;"
              + " 200 with the existing enrolment if the citizen already has an active one")
  public Uni<Response> enrol(@PathParam("id") UUID offerId) {
    return enrolments
        .enrol(offerId, token.getSubject())
        .map(
            result ->
                result.created()
                    ? Response.created(URI.create("/v1/enrolments/" + result.enrolment().id()))
                        .entity(result.enrolment())
                        .build()
                    : Response.ok(result.enrolment()).build());
  }

  @GET
  @Path("mine")
  @Operation(summary = "The citizen's own enrolment in the offer: status and waiting position")
  public Uni<EnrolmentView> mine(@PathParam("id") UUID offerId) {
    return enrolments.mine(offerId, token.getSubject());
  }

  @DELETE
  @Path("mine")
  @Operation(
      summary =
          "Cancel the citizen's own enrolment; a freed place goes to the first on the waiting list")
  public Uni<EnrolmentView> cancelMine(@PathParam("id") UUID offerId) {
    return enrolments.cancelMine(offerId, token.getSubject());
  }
}

package org.lernstadt.participation.meeting.rest;

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
import org.lernstadt.participation.meeting.mapping.RegistrationView;
import org.lernstadt.participation.meeting.service.MeetingService;

/** A citizen's own registration for an event. */
@Path("/v1/events/{id}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
@Tag(name = "Event")
public class RegistrationResource {

  @Inject MeetingService meetings;
  @Inject JsonWebToken token;

  @POST
  @Operation(
      summary =
          "Register: a free place, else the waiting list (201); an active registration is"
              + " returned as it is (200)")
  public Uni<Response> register(@PathParam("id") UUID id) {
    return meetings
        .register(id, token.getSubject())
        .map(
            r ->
                Response.status(r.created() ? 201 : 200)
                    .location(URI.create("/v1/events/" + id + "/registrations/mine"))
                    .entity(r.registration())
                    .build());
  }

  @GET
  @Path("mine")
  @Operation(summary = "One's active registration, with the place on the waiting list")
  public Uni<RegistrationView> mine(@PathParam("id") UUID id) {
    return meetings.mine(id, token.getSubject());
  }

  @DELETE
  @Path("mine")
  @Operation(summary = "Cancel; a freed place goes to the first on the waiting list")
  public Uni<RegistrationView> cancel(@PathParam("id") UUID id) {
    return meetings.cancel(id, token.getSubject());
  }
}

package org.lernstadt.counseling.centre;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Callers;
import org.lernstadt.counseling.feedback.FeedbackService;
import org.lernstadt.counseling.feedback.QualityView;
import org.lernstadt.platform.web.TextQuery;

/** The counselling centres (drop-in points) and their appointment slots. */
@Path("/v1/centres")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Centres")
public class CentreResource {

  @Inject CentreService centres;
  @Inject Callers callers;
  @Inject FeedbackService feedback;

  @GET
  @PermitAll
  @Operation(
      summary = "The counselling centres by name, optionally by a part of the name and district")
  public Uni<List<CentreView>> list(
      @Parameter(
              description =
                  "a part of the name, 2 to 100 characters after trimming; case-, accent- and"
                      + " ß-insensitive")
          @QueryParam("q")
          String q,
      @Parameter(description = "a district code (exact)")
          @QueryParam("district")
          @Pattern(regexp = CentreCommand.DISTRICT, message = "must be a district code") String district) {
    return centres.list(TextQuery.of(q, "q"), district);
  }

  @GET
  @Path("/{id}")
  @PermitAll
  @Operation(summary = "One counselling centre")
  public Uni<CentreView> get(@PathParam("id") UUID id) {
    return centres.get(id);
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed("admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register or replace a centre (administrators)")
  public Uni<CentreView> put(@PathParam("id") UUID id, @Valid @NotNull CentreCommand command) {
    return centres.put(id, command);
  }

  @PUT
  @Path("/{id}/members/{subject}")
  @RolesAllowed("admin")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Make a Keycloak subject a counsellor of the centre ({lead: true}: its lead)")
  public Uni<Response> putMember(
      @PathParam("id") UUID id,
      @PathParam("subject") String subject,
      @Valid @NotNull MemberCommand command) {
    return centres.putMember(id, subject, command.lead()).map(done -> Response.noContent().build());
  }

  @DELETE
  @Path("/{id}/members/{subject}")
  @RolesAllowed("admin")
  @Operation(summary = "End a counsellor's membership of the centre")
  public Uni<Response> removeMember(
      @PathParam("id") UUID id, @PathParam("subject") String subject) {
    return centres.removeMember(id, subject).map(done -> Response.noContent().build());
  }

  @GET
  @Path("/{id}/slots")
  @PermitAll
  @Operation(summary = "The centre's appointment slots in a window (default: the next 28 days)")
  public Uni<List<SlotView>> slots(
      @PathParam("id") UUID id,
      @QueryParam("from") OffsetDateTime from,
      @QueryParam("to") OffsetDateTime to) {
    return centres.slots(id, from, to);
  }

  @GET
  @Path("/{id}/quality")
  @RolesAllowed(Caller.LEAD)
  @Operation(
      summary = "Aggregated feedback, referral and case outcomes, waiting times of a centre",
      description = "For the counselling leads of the centre.")
  public Uni<QualityView> quality(@PathParam("id") UUID id) {
    return callers.current().chain(caller -> feedback.quality(id, caller));
  }

  @POST
  @Path("/{id}/slots")
  @RolesAllowed({Caller.COUNSELOR, Caller.LEAD})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Publish a slot of one's own in one of one's centres")
  public Uni<Response> publish(@PathParam("id") UUID id, @Valid @NotNull SlotCommand slot) {
    return callers
        .current()
        .chain(caller -> centres.publish(id, slot, caller))
        .map(created -> Response.status(201).entity(created).build());
  }
}

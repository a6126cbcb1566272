package org.lernstadt.participation.meeting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.meeting.mapping.MeetingView;
import org.lernstadt.participation.meeting.service.MeetingCommand;
import org.lernstadt.participation.meeting.service.MeetingService;

/** Events: public to read, scheduled and closed with the attendance by editors. */
@Path("/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event")
public class MeetingResource {

  @Inject MeetingService meetings;
  @Inject org.eclipse.microprofile.jwt.JsonWebToken token;

  @GET
  @PermitAll
  @Operation(summary = "Upcoming events, soonest first; filter by dialogue and district")
  public Uni<List<MeetingView>> list(
      @QueryParam("dialogueId") UUID dialogueId,
      @QueryParam("district") @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String district,
      @QueryParam("from") OffsetDateTime from,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    return meetings.list(dialogueId, district, from, limit);
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "One event with its registration counts")
  public Uni<MeetingView> get(@PathParam("id") UUID id) {
    return meetings.get(id);
  }

  @POST
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Schedule an event")
  public Uni<Response> schedule(@Valid @NotNull MeetingCommand command) {
    return meetings
        .schedule(command, token.getSubject())
        .map(e -> Response.created(URI.create("/v1/events/" + e.id())).entity(e).build());
  }

  @PUT
  @Path("{id}/attendance")
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record how many came, once the event has begun")
  public Uni<MeetingView> attendance(
      @PathParam("id") UUID id, @Valid @NotNull MeetingCommand.Attendance attendance) {
    return meetings.attendance(id, attendance.attendance());
  }
}

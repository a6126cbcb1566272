package org.lernstadt.participation.dialogue.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.dialogue.domain.Phase;
import org.lernstadt.participation.dialogue.mapping.DialogueView;
import org.lernstadt.participation.dialogue.service.DialogueCommand;
import org.lernstadt.participation.dialogue.service.DialogueService;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.TextQuery;

/** Dialogues: public once open; created and managed by editors. */
@Path("/v1/dialogues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dialogue")
public class DialogueResource {

  @Inject DialogueService dialogues;
  @Inject JsonWebToken token;

  @GET
  @PermitAll
  @Operation(
      summary =
          "Dialogues past the draft, newest first; filter by a part of the title or description,"
              + " phase and district")
  public Uni<Page<DialogueView>> list(
      @Parameter(
              description =
                  "a part of the title or description, 2 to 100 characters after trimming; case-,"
                      + " accent- and ß-insensitive")
          @QueryParam("q")
          String q,
      @QueryParam("phase") Phase phase,
      @QueryParam("district") @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String district,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    if (phase == Phase.DRAFT) {
      throw org.lernstadt.platform.web.ProblemException.invalid(
          "phase", "drafts are listed at /v1/dialogues/drafts");
    }
    return dialogues.list(
        phase, TextQuery.of(q, "q"), district, PageRequest.of(limit, cursor, 20, 100));
  }

  @GET
  @Path("drafts")
  @RolesAllowed({"editor", "admin"})
  @Operation(summary = "Dialogues still in draft")
  public Uni<Page<DialogueView>> drafts(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return dialogues.list(Phase.DRAFT, null, null, PageRequest.of(limit, cursor, 20, 100));
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "One dialogue (a draft is not found)")
  public Uni<DialogueView> get(@PathParam("id") UUID id) {
    return dialogues.get(id, false);
  }

  @POST
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a dialogue as a draft")
  public Uni<Response> create(@Valid @NotNull DialogueCommand command) {
    return dialogues
        .create(command, token.getSubject())
        .map(d -> Response.created(URI.create("/v1/dialogues/" + d.id())).entity(d).build());
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a dialogue's definition (its phase stays)")
  public Uni<DialogueView> update(
      @PathParam("id") UUID id, @Valid @NotNull DialogueCommand command) {
    return dialogues.update(id, command);
  }

  @POST
  @Path("{id}/phase")
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Move the dialogue to a later phase")
  public Uni<DialogueView> changePhase(
      @PathParam("id") UUID id, @Valid @NotNull DialogueCommand.PhaseChange change) {
    return dialogues.changePhase(id, change.phase());
  }
}

package org.lernstadt.counseling.casework.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.counseling.casework.domain.CaseStatus;
import org.lernstadt.counseling.casework.domain.Transition;
import org.lernstadt.counseling.casework.mapping.BiographyView;
import org.lernstadt.counseling.casework.mapping.CaseSummary;
import org.lernstadt.counseling.casework.mapping.CaseView;
import org.lernstadt.counseling.casework.mapping.ConsentView;
import org.lernstadt.counseling.casework.mapping.ReferralView;
import org.lernstadt.counseling.casework.mapping.SessionView;
import org.lernstadt.counseling.casework.service.BiographyCommand;
import org.lernstadt.counseling.casework.service.CaseRecordService;
import org.lernstadt.counseling.casework.service.CaseService;
import org.lernstadt.counseling.casework.service.ConsentCommand;
import org.lernstadt.counseling.casework.service.ExportService;
import org.lernstadt.counseling.casework.service.OpenCaseCommand;
import org.lernstadt.counseling.casework.service.ReferralCommand;
import org.lernstadt.counseling.casework.service.SessionCommand;
import org.lernstadt.counseling.casework.service.UpdateCaseCommand;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Callers;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;

/**
 * Cases of the caller's centres, for counsellors and counselling leads. A case of another centre is
 * not found (and the attempt is audited). Writes that need a consent the case lacks are refused
 * with 409; a lead may override with the {@value #OVERRIDE} header.
 */
@Path("/v1/cases")
@RolesAllowed({Caller.COUNSELOR, Caller.LEAD})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {

  /** A counselling lead's reason to process without a valid consent. */
  public static final String OVERRIDE = "Consent-Override-Reason";

  @Inject CaseService cases;
  @Inject CaseRecordService records;
  @Inject ExportService exports;
  @Inject Callers callers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a case in one of one's centres")
  public Uni<Response> open(
      @Valid @NotNull OpenCaseCommand command, @HeaderParam(OVERRIDE) String override) {
    return callers
        .current()
        .chain(caller -> cases.open(command, caller, override))
        .map(view -> Response.status(201).entity(view).build());
  }

  @GET
  @Operation(
      summary = "The cases of one's centres, newest first; filter by transition, stage, status")
  public Uni<Page<CaseSummary>> list(
      @QueryParam("centreId") UUID centreId,
      @QueryParam("transition") Transition transition,
      @QueryParam("stage") String stage,
      @QueryParam("status") CaseStatus status,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    PageRequest page = PageRequest.of(limit, cursor, 50, 200);
    return callers
        .current()
        .chain(caller -> cases.list(centreId, transition, stage, status, page, caller));
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One case with its person data, notes and consents")
  public Uni<CaseView> get(@PathParam("id") UUID id) {
    return callers.current().chain(caller -> cases.get(id, caller));
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change stage, status (closing needs an outcome), notes or person data")
  public Uni<CaseView> update(
      @PathParam("id") UUID id,
      @Valid @NotNull UpdateCaseCommand command,
      @HeaderParam(OVERRIDE) String override) {
    return callers.current().chain(caller -> cases.update(id, command, caller, override));
  }

  @GET
  @Path("/{id}/export")
  @RolesAllowed(Caller.DPO)
  @Operation(
      summary = "Everything held about the case's person (GDPR Art. 15/20), for the DPO",
      description = "purpose: the reference of the data subject's request; it is audited.")
  public Uni<ExportService.PersonExport> export(
      @PathParam("id") UUID id, @QueryParam("purpose") @NotBlank @Size(max = 200) String purpose) {
    return callers.current().chain(caller -> exports.export(id, purpose, caller));
  }

  @GET
  @Path("/{id}/consents")
  @Operation(summary = "The case's consents, valid and withdrawn")
  public Uni<List<ConsentView>> consents(@PathParam("id") UUID id) {
    return callers.current().chain(caller -> cases.consents(id, caller));
  }

  @POST
  @Path("/{id}/consents")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record a consent (purpose, legal basis, fields to share on referral)")
  public Uni<Response> addConsent(
      @PathParam("id") UUID id, @Valid @NotNull ConsentCommand command) {
    return callers
        .current()
        .chain(caller -> cases.addConsent(id, command, caller))
        .map(all -> Response.status(201).entity(all).build());
  }

  @POST
  @Path("/{id}/consents/{consentId}/withdrawal")
  @Operation(summary = "Withdraw a consent: processing for its purpose stops")
  public Uni<List<ConsentView>> withdraw(
      @PathParam("id") UUID id, @PathParam("consentId") UUID consentId) {
    return callers.current().chain(caller -> cases.withdrawConsent(id, consentId, caller));
  }

  @GET
  @Path("/{id}/sessions")
  @Operation(summary = "The case's counselling sessions")
  public Uni<List<SessionView>> sessions(@PathParam("id") UUID id) {
    return callers.current().chain(caller -> records.sessions(id, caller));
  }

  @POST
  @Path("/{id}/sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Record a session held",
      description = "The answer carries a one-time feedback token to hand to the person.")
  public Uni<Response> addSession(
      @PathParam("id") UUID id,
      @Valid @NotNull SessionCommand command,
      @HeaderParam(OVERRIDE) String override) {
    return callers
        .current()
        .chain(caller -> records.addSession(id, command, caller, override))
        .map(view -> Response.status(201).entity(view).build());
  }

  @GET
  @Path("/{id}/biography")
  @Operation(summary = "The case's learning-biography entries")
  public Uni<List<BiographyView>> biography(@PathParam("id") UUID id) {
    return callers.current().chain(caller -> records.biography(id, caller));
  }

  @POST
  @Path("/{id}/biography")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add a learning-biography entry (milestone, competence, disposition)")
  public Uni<Response> addBiography(
      @PathParam("id") UUID id,
      @Valid @NotNull BiographyCommand command,
      @HeaderParam(OVERRIDE) String override) {
    return callers
        .current()
        .chain(caller -> records.addBiography(id, command, caller, override))
        .map(view -> Response.status(201).entity(view).build());
  }

  @GET
  @Path("/{id}/referrals")
  @Operation(summary = "The case's referrals")
  public Uni<List<ReferralView>> referrals(@PathParam("id") UUID id) {
    return callers.current().chain(caller -> records.referrals(id, caller));
  }

  @POST
  @Path("/{id}/referrals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Refer to a published catalogue offer or a partner institution")
  public Uni<Response> refer(
      @PathParam("id") UUID id,
      @Valid @NotNull ReferralCommand command,
      @HeaderParam(OVERRIDE) String override) {
    return callers
        .current()
        .chain(caller -> records.refer(id, command, caller, override))
        .map(view -> Response.status(201).entity(view).build());
  }
}

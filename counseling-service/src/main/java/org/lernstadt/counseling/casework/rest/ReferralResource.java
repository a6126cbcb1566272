package org.lernstadt.counseling.casework.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.counseling.casework.mapping.ReferralView;
import org.lernstadt.counseling.casework.service.CaseRecordService;
import org.lernstadt.counseling.casework.service.ReferralUpdate;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Callers;

/** A referral's status, moved by the counsellors of its case's centre. */
@Path("/v1/referrals/{id}")
@RolesAllowed({Caller.COUNSELOR, Caller.LEAD})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class ReferralResource {

  @Inject CaseRecordService records;
  @Inject Callers callers;

  @PATCH
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Move a referral: PROPOSED → ACCEPTED → STARTED → COMPLETED, or DECLINED")
  public Uni<ReferralView> update(
      @PathParam("id") UUID id,
      @Valid @NotNull ReferralUpdate update,
      @HeaderParam(CaseResource.OVERRIDE) String override) {
    return callers.current().chain(caller -> records.updateReferral(id, update, caller, override));
  }
}

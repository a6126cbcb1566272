package org.lernstadt.counseling.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Callers;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;

/** The data protection side: the audit, and erasure on a data subject's request. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection")
public class PrivacyResource {

  /** Why a person is erased, e.g. the reference of the request. */
  public record ErasureRequest(@NotBlank @Size(max = 200) String reason) {}

  @Inject AuditQuery audit;
  @Inject ErasureService erasure;
  @Inject Callers callers;

  @GET
  @Path("/audit")
  @RolesAllowed({Caller.DPO, Caller.LEAD})
  @Operation(
      summary = "Who read or changed which case, when, why; newest first",
      description = "The DPO sees all records, a counselling lead those of the centres they lead.")
  public Uni<Page<AuditView>> audit(
      @QueryParam("caseId") UUID caseId,
      @QueryParam("personId") UUID personId,
      @QueryParam("actor") String actor,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    PageRequest page = PageRequest.of(limit, cursor, 100, 1000);
    return callers.current().chain(caller -> audit.page(caseId, actor, personId, page, caller));
  }

  @POST
  @Path("/persons/{id}/erasure")
  @RolesAllowed(Caller.DPO)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Erase a person (GDPR Art. 17)",
      description =
          "Destroys the person's key and deletes or empties everything of their cases; the"
              + " pseudonymous case shells stay for the statistics. Reported as case.erased events.")
  public Uni<ErasureService.Erasure> erase(
      @PathParam("id") UUID id, @Valid @NotNull ErasureRequest request) {
    return callers.current().chain(caller -> erasure.erasePerson(id, request.reason(), caller));
  }
}

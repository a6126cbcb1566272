package org.lernstadt.catalogue.enrolment.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.enrolment.mapping.ParticipantList;
import org.lernstadt.catalogue.enrolment.service.ParticipantService;
import org.lernstadt.platform.web.PageRequest;

/**
 * A partner institution sees the participants of its own provider's offers (the provider comes from
 * the token's {@code provider_id} claim); another provider's offer is not found.
 */
@Path("/v1/partner/offers/{externalId}/participants")
@RolesAllowed("partner")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner offers")
public class PartnerParticipantResource {

  @Inject ParticipantService participants;
  @Inject JsonWebToken token;

  @GET
  @Operation(
      summary =
          "The offer's enrolled participants, then its waiting list in order (subject ids only),"
              + " with the group's counts; cursor-paginated")
  public Uni<ParticipantList> list(
      @PathParam("externalId") String externalId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return participants.participants(
        providerKey(), externalId, PageRequest.of(limit, cursor, 100, 500));
  }

  private String providerKey() {
    Object claim = token.getClaim("provider_id");
    return claim == null ? null : claim.toString().replace("\"", "");
  }
}

package org.lernstadt.catalogue.provider.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.provider.domain.PartnershipKind;
import org.lernstadt.catalogue.provider.domain.ProviderKind;
import org.lernstadt.catalogue.provider.mapping.NetworkView;
import org.lernstadt.catalogue.provider.service.PartnershipService;

/** The network of institutions and their active partnerships, as nodes and edges. */
@Path("/v1/network")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partnerships")
public class NetworkResource {

  @Inject PartnershipService partnerships;

  @GET
  @PermitAll
  @Operation(
      summary =
          "Institutions (nodes) and active partnerships (edges); with district or kind: the"
              + " matching institutions, their partnerships and their partners")
  public Uni<NetworkView> network(
      @QueryParam("district") String district,
      @QueryParam("kind") String kind,
      @QueryParam("partnershipKind") String partnershipKind) {
    return partnerships.network(
        QueryParams.district(district),
        QueryParams.enumOf(ProviderKind.class, kind, "kind"),
        QueryParams.enumOf(PartnershipKind.class, partnershipKind, "partnershipKind"));
  }
}

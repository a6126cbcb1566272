package org.lernstadt.catalogue.provider.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.provider.service.ProviderService;

/** The partner API's view of the partner's own institution. */
@Path("/v1/partner/provider")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner provider")
public class PartnerProviderResource {

  @Inject ProviderService providers;
  @Inject Callers callers;

  @GET
  @RolesAllowed("partner")
  @Operation(
      summary =
          "The institution the partner token acts for (its provider_id claim); change it with"
              + " PUT /v1/providers/{id}")
  public Uni<Response> own() {
    return providers
        .own(callers.current())
        .map(view -> Response.ok(view).tag(ProviderResource.etag(view)).build());
  }
}

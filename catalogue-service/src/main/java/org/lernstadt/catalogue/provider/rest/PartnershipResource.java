package org.lernstadt.catalogue.provider.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.provider.domain.PartnershipKind;
import org.lernstadt.catalogue.provider.mapping.PartnershipView;
import org.lernstadt.catalogue.provider.service.PartnershipCommand;
import org.lernstadt.catalogue.provider.service.PartnershipService;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;

/** Partnerships between institutions; editors record and end them. */
@Path("/v1/partnerships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partnerships")
public class PartnershipResource {

  @Inject PartnershipService partnerships;

  @POST
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record a partnership between two institutions")
  public Uni<Response> form(@Valid @NotNull PartnershipCommand partnership) {
    return partnerships
        .form(partnership)
        .map(
            view ->
                Response.created(URI.create("/v1/partnerships/" + view.id())).entity(view).build());
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed({"editor", "admin"})
  @Operation(summary = "End a partnership (it stays on record with its end date)")
  public Uni<Response> end(@PathParam("id") UUID id) {
    return partnerships.end(id).map(view -> Response.noContent().build());
  }

  @GET
  @PermitAll
  @Operation(
      summary = "Partnerships, active ones unless includeEnded, filtered by provider and kind")
  public Uni<Page<PartnershipView>> list(
      @QueryParam("provider") String provider,
      @QueryParam("kind") String kind,
      @QueryParam("includeEnded") boolean includeEnded,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return partnerships.list(
        QueryParams.uuid(provider, "provider"),
        QueryParams.enumOf(PartnershipKind.class, kind, "kind"),
        includeEnded,
        PageRequest.of(limit, cursor, ProviderResource.DEFAULT_PAGE, ProviderResource.MAX_PAGE));
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "One partnership")
  public Uni<PartnershipView> get(@PathParam("id") UUID id) {
    return partnerships.get(id);
  }
}

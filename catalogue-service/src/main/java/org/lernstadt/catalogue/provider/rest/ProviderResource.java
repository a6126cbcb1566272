package org.lernstadt.catalogue.provider.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.provider.domain.ProviderKind;
import org.lernstadt.catalogue.provider.mapping.ProviderView;
import org.lernstadt.catalogue.provider.service.Precondition;
import org.lernstadt.catalogue.provider.service.ProviderCommand;
import org.lernstadt.catalogue.provider.service.ProviderService;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.TextQuery;

/** Institutions: editors register them; a partner maintains its own. */
@Path("/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Providers")
public class ProviderResource {

  static final int DEFAULT_PAGE = 20;
  static final int MAX_PAGE = 100;

  @Inject ProviderService providers;
  @Inject Callers callers;

  @POST
  @RolesAllowed({"editor", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register an institution; its district is assigned from its location")
  public Uni<Response> register(@Valid @NotNull ProviderCommand provider) {
    return providers
        .register(provider)
        .map(
            view ->
                Response.created(URI.create("/v1/providers/" + view.id()))
                    .tag(etag(view))
                    .entity(view)
                    .build());
  }

  @GET
  @PermitAll
  @Operation(
      summary =
          "Institutions by name, filtered by a part of the name (q), district and kind,"
              + " cursor-paginated")
  public Uni<Page<ProviderView>> list(
      @Parameter(
              description =
                  "a part of the name, 2 to 100 characters after trimming; case-, accent- and"
                      + " ß-insensitive")
          @QueryParam("q")
          String q,
      @QueryParam("district") String district,
      @QueryParam("kind") String kind,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return providers.list(
        TextQuery.of(q, "q"),
        QueryParams.district(district),
        QueryParams.enumOf(ProviderKind.class, kind, "kind"),
        PageRequest.of(limit, cursor, DEFAULT_PAGE, MAX_PAGE));
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "One institution, with its version as ETag")
  public Uni<Response> get(@PathParam("id") UUID id) {
    return providers.get(id).map(view -> Response.ok(view).tag(etag(view)).build());
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({"editor", "admin", "partner"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replace an institution (editors; a partner its own, without key and partnerClient);"
              + " If-Match on the version")
  public Uni<Response> update(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull ProviderCommand provider) {
    return providers
        .update(callers.current(), id, Precondition.ifMatch(ifMatch), provider)
        .map(view -> Response.ok(view).tag(etag(view)).build());
  }

  static EntityTag etag(ProviderView view) {
    return new EntityTag(Precondition.etag(view.version()));
  }
}

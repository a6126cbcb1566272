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
import org.lernstadt.catalogue.provider.domain.LearningPlaceKind;
import org.lernstadt.catalogue.provider.mapping.LearningPlaceView;
import org.lernstadt.catalogue.provider.service.LearningPlaceCommand;
import org.lernstadt.catalogue.provider.service.LearningPlaceService;
import org.lernstadt.catalogue.provider.service.Precondition;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.TextQuery;

/** Learning places (Lernorte): editors maintain all, a partner those of its own provider. */
@Path("/v1/learning-places")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning places")
public class LearningPlaceResource {

  @Inject LearningPlaceService places;
  @Inject Callers callers;

  @POST
  @RolesAllowed({"editor", "admin", "partner"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a learning place; its district is assigned from its location")
  public Uni<Response> create(@Valid @NotNull LearningPlaceCommand place) {
    return places
        .create(callers.current(), place)
        .map(
            view ->
                Response.created(URI.create("/v1/learning-places/" + view.id()))
                    .tag(etag(view))
                    .entity(view)
                    .build());
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({"editor", "admin", "partner"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace a learning place; If-Match on the version")
  public Uni<Response> update(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull LearningPlaceCommand place) {
    return places
        .update(callers.current(), id, Precondition.ifMatch(ifMatch), place)
        .map(view -> Response.ok(view).tag(etag(view)).build());
  }

  @GET
  @PermitAll
  @Operation(
      summary =
          "Learning places by name, filtered by a part of the name (q), provider, district and"
              + " kind")
  public Uni<Page<LearningPlaceView>> list(
      @Parameter(
              description =
                  "a part of the name, 2 to 100 characters after trimming; case-, accent- and"
                      + " ß-insensitive")
          @QueryParam("q")
          String q,
      @QueryParam("provider") String provider,
      @QueryParam("district") String district,
      @QueryParam("kind") String kind,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return places.list(
        TextQuery.of(q, "q"),
        QueryParams.uuid(provider, "provider"),
        QueryParams.district(district),
        QueryParams.enumOf(LearningPlaceKind.class, kind, "kind"),
        PageRequest.of(limit, cursor, ProviderResource.DEFAULT_PAGE, ProviderResource.MAX_PAGE));
  }

  @GET
  @Path("{id}")
  @PermitAll
  @Operation(summary = "One learning place, with its version as ETag")
  public Uni<Response> get(@PathParam("id") UUID id) {
    return places.get(id).map(view -> Response.ok(view).tag(etag(view)).build());
  }

  private static EntityTag etag(LearningPlaceView view) {
    return new EntityTag(Precondition.etag(view.version()));
  }
}

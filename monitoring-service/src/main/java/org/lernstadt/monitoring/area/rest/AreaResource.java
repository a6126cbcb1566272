package org.lernstadt.monitoring.area.rest;

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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.area.service.Area;
import org.lernstadt.monitoring.area.service.AreaCommand;
import org.lernstadt.monitoring.area.service.AreaService;
import org.lernstadt.monitoring.area.service.BoundaryChange;

/** The city, its districts and statistical areas, with their validity and successions. */
@Path("/v1/areas")
@Tag(name = "Areas")
@Produces(MediaType.APPLICATION_JSON)
public class AreaResource {

  static final String CODE = "[A-Za-z0-9-]{1,40}";

  @Inject AreaService areas;

  @GET
  @PermitAll
  @Operation(summary = "All units, or those valid on a day (?at=2025-06-30)")
  public Uni<List<Area>> list(@QueryParam("at") LocalDate at) {
    return areas.list(at);
  }

  @GET
  @Path("{code}")
  @PermitAll
  @Operation(summary = "One unit with its predecessors and successors")
  public Uni<Area> get(@PathParam("code") @Pattern(regexp = CODE) String code) {
    return areas.get(code);
  }

  @PUT
  @Path("{code}")
  @RolesAllowed({"analyst", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or rename a unit (district codes as in the catalogue)")
  public Uni<Area> put(
      @PathParam("code") @Pattern(regexp = CODE, message = "must be 1 to 40 of A-Z a-z 0-9 -") String code,
      @Valid @NotNull AreaCommand command) {
    return areas.put(code, command);
  }

  @POST
  @Path("changes")
  @RolesAllowed({"analyst", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Split or merge: ends the predecessors on the effective day, creates the successors and"
              + " links them, so the old series stay readable")
  public Uni<List<Area>> change(@Valid @NotNull BoundaryChange change) {
    return areas.change(change);
  }
}

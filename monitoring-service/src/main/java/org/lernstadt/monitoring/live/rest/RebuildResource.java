package org.lernstadt.monitoring.live.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.live.service.Rebuild;

/** Operations on the live computation. */
@Path("/v1/admin/rebuild")
@Tag(name = "Admin")
public class RebuildResource {

  @Inject Rebuild rebuild;

  @POST
  @RolesAllowed("admin")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Recompute every event-sourced value by replaying the consumed topics from offset 0")
  public Uni<Map<String, Integer>> rebuild() {
    return rebuild.fromOffsetZero().map(n -> Map.of("partitionsRewound", n));
  }
}

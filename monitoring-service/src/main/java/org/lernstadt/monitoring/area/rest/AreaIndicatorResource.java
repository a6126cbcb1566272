package org.lernstadt.monitoring.area.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.common.Viewer;
import org.lernstadt.monitoring.value.mapping.AreaSummary;
import org.lernstadt.monitoring.value.service.AreaSummaryQuery;

/** An area's indicators at a glance, for profile screens. */
@Path("/v1/areas/{code}/indicators")
@Tag(name = "Areas")
@Produces(MediaType.APPLICATION_JSON)
public class AreaIndicatorResource {

  @Inject AreaSummaryQuery summaries;
  @Inject Viewer viewer;

  @GET
  @PermitAll
  @Operation(
      summary =
          "Each indicator with a value in the area: its latest total and the one before, with the"
              + " direction; suppressed for the public as the values are; open alerts for analysts"
              + " and admins only")
  public Uni<AreaSummary> summary(
      @PathParam("code") @Pattern(regexp = AreaResource.CODE) String code) {
    return viewer.seesUnsuppressed().chain(internal -> summaries.summary(code, internal));
  }
}

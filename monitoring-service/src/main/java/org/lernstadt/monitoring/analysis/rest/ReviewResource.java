package org.lernstadt.monitoring.analysis.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.analysis.service.TargetService;
import org.lernstadt.monitoring.analysis.service.TargetStatus;
import org.lernstadt.monitoring.common.Viewer;

/** The yearly review of the city's targets (Leipzig's review of its guidelines). */
@Path("/v1/targets/review/{year}")
@Tag(name = "Analysis")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

  @Inject TargetService targets;
  @Inject Viewer viewer;

  @GET
  @PermitAll
  @Operation(summary = "Every target of the year with value, distance and status")
  public Uni<List<TargetStatus>> review(@PathParam("year") @Min(1900) @Max(2200) int year) {
    return viewer.seesUnsuppressed().chain(unsuppressed -> targets.review(year, unsuppressed));
  }
}

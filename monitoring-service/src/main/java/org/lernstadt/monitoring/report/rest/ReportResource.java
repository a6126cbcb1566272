package org.lernstadt.monitoring.report.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.common.Viewer;
import org.lernstadt.monitoring.report.service.ReportService;

/** The yearly education report as HTML with server-rendered SVG charts. */
@Path("/v1/reports/{year}")
@Tag(name = "Reports")
public class ReportResource {

  @Inject ReportService reports;
  @Inject Viewer viewer;

  @GET
  @PermitAll
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  @Operation(summary = "The education report of the year for the city, or ?area= for one area")
  public Uni<String> report(
      @PathParam("year") @Min(1900) @Max(2200) int year, @QueryParam("area") String area) {
    return viewer
        .seesUnsuppressed()
        .chain(unsuppressed -> reports.render(year, area, unsuppressed));
  }
}

package org.lernstadt.monitoring.analysis.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.analysis.repository.TargetRepository;
import org.lernstadt.monitoring.analysis.service.QualityService;
import org.lernstadt.monitoring.analysis.service.SeriesView;
import org.lernstadt.monitoring.analysis.service.TargetCommand;
import org.lernstadt.monitoring.analysis.service.TargetService;
import org.lernstadt.monitoring.analysis.service.TargetStatus;
import org.lernstadt.monitoring.analysis.service.TrendService;
import org.lernstadt.monitoring.common.Viewer;
import org.lernstadt.monitoring.indicator.rest.IndicatorResource;

/** Trends, targets and data quality of an indicator. */
@Path("/v1/indicators/{code}")
@Tag(name = "Analysis")
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

  @Inject TrendService trends;
  @Inject TargetService targets;
  @Inject QualityService quality;
  @Inject Viewer viewer;

  @GET
  @Path("trend")
  @PermitAll
  @Operation(
      summary =
          "Change over the previous period, linear trend (slope, R²), forecast and weak-series"
              + " flag of an area's totals")
  public Uni<SeriesView> trend(
      @PathParam("code")
          @Pattern(regexp = IndicatorResource.CODE, message = IndicatorResource.CODE_MESSAGE) String code,
      @QueryParam("area") @NotNull String area,
      @QueryParam("periods") @DefaultValue("10") @Min(2) @Max(50) int periods,
      @QueryParam("horizon") @DefaultValue("3") @Min(0) @Max(10) int horizon) {
    return viewer
        .seesUnsuppressed()
        .chain(unsuppressed -> trends.trend(code, area, periods, horizon, unsuppressed));
  }

  @GET
  @Path("targets")
  @PermitAll
  @Operation(summary = "The indicator's targets with value, distance and status")
  public Uni<List<TargetStatus>> targets(
      @PathParam("code")
          @Pattern(regexp = IndicatorResource.CODE, message = IndicatorResource.CODE_MESSAGE) String code) {
    return viewer.seesUnsuppressed().chain(unsuppressed -> targets.of(code, unsuppressed));
  }

  @PUT
  @Path("targets")
  @RolesAllowed({"analyst", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the target of an area and year")
  public Uni<TargetRepository.Target> putTarget(
      @PathParam("code")
          @Pattern(regexp = IndicatorResource.CODE, message = IndicatorResource.CODE_MESSAGE) String code,
      @Valid @NotNull TargetCommand command) {
    return targets.put(code, command);
  }

  @POST
  @Path("quality")
  @RolesAllowed({"analyst", "admin"})
  @Operation(
      summary =
          "Score every area's series for outliers (z-score and modified z-score) and flag them"
              + " for follow-up")
  public Uni<List<QualityService.Flagged>> check(
      @PathParam("code")
          @Pattern(regexp = IndicatorResource.CODE, message = IndicatorResource.CODE_MESSAGE) String code,
      @QueryParam("z") @DefaultValue("3") @DecimalMin("0.5") double z,
      @QueryParam("modifiedZ") @DefaultValue("3.5") @DecimalMin("0.5") double modifiedZ) {
    return quality.check(code, z, modifiedZ);
  }
}

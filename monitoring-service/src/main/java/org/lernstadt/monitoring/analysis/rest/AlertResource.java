package org.lernstadt.monitoring.analysis.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.analysis.repository.RuleRepository;
import org.lernstadt.monitoring.analysis.service.RuleService;

/** The alerts the rules raised, newest first; for analysts and admins. */
@Path("/v1/alerts")
@Tag(name = "Early warning")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

  @Inject RuleService rules;

  @GET
  @RolesAllowed({"analyst", "admin"})
  @Operation(summary = "Alerts, by open=true/false, indicator and area")
  public Uni<List<RuleRepository.Alert>> list(
      @QueryParam("open") Boolean open,
      @QueryParam("indicator") String indicator,
      @QueryParam("area") String area,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return rules.alerts(open, indicator, area, limit);
  }
}

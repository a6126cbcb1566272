package org.lernstadt.monitoring.analysis.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.analysis.domain.Rule;
import org.lernstadt.monitoring.analysis.service.RuleCommand;
import org.lernstadt.monitoring.analysis.service.RuleService;
import org.lernstadt.monitoring.indicator.rest.IndicatorResource;

/** Early-warning rules of an indicator; analysts and admins. */
@Path("/v1/indicators/{code}/rules")
@Tag(name = "Early warning")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"analyst", "admin"})
public class RuleResource {

  @Inject RuleService rules;

  @GET
  @Operation(summary = "The indicator's rules")
  public Uni<List<Rule>> list(
      @PathParam("code")
          @Pattern(regexp = IndicatorResource.CODE, message = IndicatorResource.CODE_MESSAGE) String code) {
    return rules.list(code);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Add a rule (BELOW, ABOVE, FALLING, RISING, DEVIATION_FROM_CITY); it is evaluated at"
              + " once and on every change of a value")
  public Uni<Response> add(
      @PathParam("code")
          @Pattern(regexp = IndicatorResource.CODE, message = IndicatorResource.CODE_MESSAGE) String code,
      @Valid @NotNull RuleCommand command) {
    return rules
        .add(code, command)
        .map(
            rule ->
                Response.created(URI.create("/v1/indicators/" + code + "/rules/" + rule.id()))
                    .entity(rule)
                    .build());
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a rule and its alerts")
  public Uni<Void> delete(
      @PathParam("code")
          @Pattern(regexp = IndicatorResource.CODE, message = IndicatorResource.CODE_MESSAGE) String code,
      @PathParam("id") UUID id) {
    return rules.delete(code, id);
  }
}

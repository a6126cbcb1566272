package org.lernstadt.monitoring.indicator.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.Source;
import org.lernstadt.monitoring.indicator.domain.TopicArea;
import org.lernstadt.monitoring.indicator.service.IndicatorCommand;
import org.lernstadt.monitoring.indicator.service.IndicatorService;

/** Indicator definitions: public to read, analysts and admins write. */
@Path("/v1/indicators")
@Tag(name = "Indicators")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

  public static final String CODE = "[A-Z0-9_]{2,60}";
  public static final String CODE_MESSAGE = "must be 2 to 60 of A-Z 0-9 _";

  @Inject IndicatorService indicators;

  @GET
  @PermitAll
  @Operation(summary = "The indicator catalogue, optionally by topic area or source")
  public Uni<List<Indicator>> list(
      @QueryParam("topicArea") TopicArea topicArea, @QueryParam("source") Source source) {
    return indicators.list(topicArea, source);
  }

  @GET
  @Path("{code}")
  @PermitAll
  @Operation(summary = "One indicator definition")
  public Uni<Indicator> get(
      @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
    return indicators.get(code);
  }

  @PUT
  @Path("{code}")
  @RolesAllowed({"analyst", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or replace an indicator definition")
  public Uni<Indicator> put(
      @PathParam("code") @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
      @Valid @NotNull IndicatorCommand command) {
    return indicators.put(code, command);
  }
}

package org.lernstadt.monitoring.value.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.common.Viewer;
import org.lernstadt.monitoring.indicator.rest.IndicatorResource;
import org.lernstadt.monitoring.value.mapping.ValueSet;
import org.lernstadt.monitoring.value.service.ValueQuery;

/** The values of an indicator: suppressed for the public, unsuppressed for analysts and admins. */
@Path("/v1/indicators/{code}/values")
@Tag(name = "Values")
@Produces(MediaType.APPLICATION_JSON)
public class ValueResource {

  @Inject ValueQuery query;
  @Inject Viewer viewer;

  @GET
  @PermitAll
  @Operation(
      summary =
          "Values by area (history=true adds the units it descends from), period range"
              + " (from/to period ids, or a relative period with referenceDate) and disaggregation"
              + " (dimension=total for totals only)")
  public Uni<ValueSet> values(
      @PathParam("code")
          @Pattern(regexp = IndicatorResource.CODE, message = IndicatorResource.CODE_MESSAGE) String code,
      @BeanParam ValueParams params) {
    return viewer
        .seesUnsuppressed()
        .chain(unsuppressed -> query.values(code, params.filter(), unsuppressed));
  }
}

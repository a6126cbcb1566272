package org.lernstadt.monitoring.value.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.monitoring.value.service.ImportReport;
import org.lernstadt.monitoring.value.service.ImportService;

/** CSV imports of data values and population (format in the README). */
@Path("/v1/imports")
@Tag(name = "Imports")
public class ImportResource {

  @Inject ImportService imports;
  @Inject JsonWebToken token;

  @POST
  @RolesAllowed({"analyst", "admin"})
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Import values (header indicator,area,period,dimension,category,numerator,denominator)"
              + " or population (area,year,ageBand,persons); dryRun=true reports what would"
              + " change; a bad row rejects the whole file (422 naming each row)")
  public Uni<ImportReport> run(String csv, @QueryParam("dryRun") boolean dryRun) {
    return imports.run(csv, dryRun, token.getSubject());
  }
}

package org.lernstadt.participation.results.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.results.mapping.Summary;
import org.lernstadt.participation.results.service.ResultsService;

/** Live participation statistics while a dialogue runs. */
@Path("/v1/dialogues/{id}/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
public class StatsResource {

  @Inject ResultsService results;

  @GET
  @PermitAll
  @Operation(summary = "Counts of public contributions, comments, ratings and participants")
  public Uni<Summary> stats(@PathParam("id") UUID id) {
    return results.stats(id);
  }
}

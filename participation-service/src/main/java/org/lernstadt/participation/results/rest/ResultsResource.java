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
import org.lernstadt.participation.results.mapping.Results;
import org.lernstadt.participation.results.service.ResultsService;

/** The published results of a dialogue. */
@Path("/v1/dialogues/{id}/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
public class ResultsResource {

  @Inject ResultsService results;

  @GET
  @PermitAll
  @Operation(
      summary =
          "Counts per category and district, top-rated contributions and the city's answers;"
              + " found once the results are published")
  public Uni<Results> results(@PathParam("id") UUID id) {
    return results.results(id);
  }
}

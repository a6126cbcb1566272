package org.lernstadt.participation.contribution.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.common.BadRequests;
import org.lernstadt.participation.contribution.mapping.ContributionView;
import org.lernstadt.participation.contribution.repository.ContributionRepository.Filter;
import org.lernstadt.participation.contribution.repository.ContributionRepository.Sort;
import org.lernstadt.participation.contribution.service.ContributionCommand;
import org.lernstadt.participation.contribution.service.ContributionService;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;

/** The contributions of a dialogue: listed by anyone, written by citizens. */
@Path("/v1/dialogues/{id}/contributions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contribution")
public class DialogueContributionResource {

  @Inject ContributionService contributions;
  @Inject JsonWebToken token;

  @GET
  @PermitAll
  @Operation(
      summary =
          "Public contributions of a dialogue, sorted top|new|discussed, filtered by category,"
              + " district and bounding box (minLon,minLat,maxLon,maxLat)")
  public Uni<Page<ContributionView>> list(
      @PathParam("id") UUID dialogueId,
      @QueryParam("sort") @DefaultValue("new") String sort,
      @QueryParam("category") String category,
      @QueryParam("district") @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String district,
      @QueryParam("bbox") String bbox,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return contributions.list(
        dialogueId,
        sort(sort),
        new Filter(category, district, bbox(bbox)),
        PageRequest.of(limit, cursor, 20, 100));
  }

  @POST
  @RolesAllowed("citizen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Contribute to a dialogue while its phase allows it")
  public Uni<Response> submit(
      @PathParam("id") UUID dialogueId, @Valid @NotNull ContributionCommand command) {
    return contributions
        .submit(dialogueId, command, token.getSubject())
        .map(c -> Response.created(URI.create("/v1/contributions/" + c.id())).entity(c).build());
  }

  @GET
  @Path("similar")
  @PermitAll
  @Operation(summary = "Public contributions resembling a text, to avoid duplicates")
  public Uni<List<ContributionView>> similar(
      @PathParam("id") UUID dialogueId, @QueryParam("text") String text) {
    return contributions.similar(dialogueId, text, 5);
  }

  private static Sort sort(String value) {
    try {
      return Sort.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw BadRequests.query("sort", "must be top, new or discussed");
    }
  }

  /** {@code minLon,minLat,maxLon,maxLat} as numbers, or {@code null}. */
  private static double[] bbox(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] parts = value.split(",");
    if (parts.length != 4) {
      throw BadRequests.query("bbox", "must be minLon,minLat,maxLon,maxLat");
    }
    double[] box = new double[4];
    try {
      for (int i = 0; i < 4; i++) {
        box[i] = Double.parseDouble(parts[i].trim());
      }
    } catch (NumberFormatException e) {
      throw BadRequests.query("bbox", "must be four numbers: minLon,minLat,maxLon,maxLat");
    }
    if (box[0] > box[2] || box[1] > box[3]) {
      throw BadRequests.query("bbox", "minimum must not exceed maximum");
    }
    return box;
  }
}

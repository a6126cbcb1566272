package org.lernstadt.catalogue.offer.feed.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.offer.feed.service.FeedImportService;
import org.lernstadt.catalogue.offer.mapping.BulkReport;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/**
 * Editors import another portal's offers from the schema.org JSON-LD feed they send. The service
 * never fetches a feed itself: an address given by a caller would let it reach inside the city's
 * network.
 */
@Path("/v1/imports/schema-org")
@RolesAllowed({"editor", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class FeedImportResource {

  static final String JSON_LD = "application/ld+json";

  @Inject FeedImportService imports;
  @Inject ObjectMapper json;

  @POST
  @Consumes({JSON_LD, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Import the Courses of a schema.org JSON-LD feed (up to 10,000) as offers",
      description =
          "The body is a Course, an array of Courses, an ItemList or a @graph. Each Course is"
              + " matched to a registered provider by its provider's website, then by its exact"
              + " name, unless `provider` names the provider of the whole feed. Each item is"
              + " reported as created, updated, unchanged or rejected with the Course's fields,"
              + " as in the partner bulk push.")
  @RequestBody(
      content = {
        @Content(mediaType = JSON_LD, schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))
      })
  public Uni<BulkReport> importFeed(
      @Parameter(description = "The id of the provider of every Course of the feed")
          @QueryParam("provider")
          String provider,
      String body) {
    return imports.importFeed(read(body), providerId(provider));
  }

  private JsonNode read(String body) {
    try {
      JsonNode root = body == null ? null : json.readTree(body);
      if (root != null && root.isContainerNode()) {
        return root;
      }
    } catch (JsonProcessingException e) {
      throw new ProblemException(
          400,
          "Bad Request",
          "The body is not valid JSON.",
          List.of(new FieldError("$", "not valid JSON")));
    }
    throw new ProblemException(
        422,
        "Unprocessable Content",
        "The body is not a schema.org feed: a Course, an array of Courses, an ItemList or a"
            + " @graph.",
        List.of(new FieldError("$", "must be a JSON object or array")));
  }

  private static UUID providerId(String provider) {
    if (provider == null || provider.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(provider.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("provider", "must be the id of a provider");
    }
  }
}

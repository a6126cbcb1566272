package org.lernstadt.participation.results.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.participation.common.GeoJson;
import org.lernstadt.participation.results.mapping.PublicContribution;
import org.lernstadt.participation.results.service.ResultsService;

/** The map layer of a dialogue. */
@Path("/v1/dialogues/{id}/map")
@Tag(name = "Results")
public class MapResource {

  @Inject ResultsService results;
  @Inject ObjectMapper json;

  @GET
  @PermitAll
  @Produces(GeoJson.MEDIA_TYPE)
  @Operation(summary = "Public contributions with a point, as a GeoJSON FeatureCollection")
  public Uni<Response> map(@PathParam("id") UUID id) {
    return results
        .map(id)
        .map(items -> GeoJson.response(json, items.stream().map(MapResource::feature).toList()));
  }

  private static Map<String, Object> feature(PublicContribution c) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("id", c.id());
    properties.put("category", c.category());
    properties.put("district", c.district());
    properties.put("text", c.text());
    properties.put("ratingCount", c.ratingCount());
    properties.put("ratingScore", c.ratingScore());
    properties.put("commentCount", c.commentCount());
    return GeoJson.point(c.id(), c.lat(), c.lon(), properties);
  }
}

package org.lernstadt.catalogue.offer.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.offer.mapping.OfferCalendar;
import org.lernstadt.catalogue.offer.mapping.OfferJsonLd;
import org.lernstadt.catalogue.offer.mapping.OfferMap;
import org.lernstadt.catalogue.offer.mapping.OfferView;
import org.lernstadt.catalogue.offer.mapping.SearchResult;
import org.lernstadt.catalogue.offer.service.OfferSearchService;

/** Every published offer of the city, for citizens and front-ends; no login needed. */
@Path("/v1/offers")
@PermitAll
@Tag(name = "Offers")
public class PublicOfferResource {

  static final String JSON_LD = "application/ld+json";

  /** How many offers match a calendar's search, and how many offers and dates its caps left out. */
  static final String TOTAL_HEADER = "Lernstadt-Total-Offers";

  static final String OMITTED_HEADER = "Lernstadt-Omitted-Offers";
  static final String OMITTED_DATES_HEADER = "Lernstadt-Omitted-Dates";

  @Inject OfferSearchService offers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Search published offers: full text, filters, radius or district, facets, cursor pages",
      description =
          "With Accept: text/calendar (or at /v1/offers.ics) the same filters give an iCalendar"
              + " feed (RFC 5545): one event per date of the 1,000 soonest matching offers (at"
              + " most 10,000 dates), cancelled offers included as STATUS:CANCELLED; with from or"
              + " to, only the dates in that range; cursor and sort do not apply.")
  @APIResponse(
      responseCode = "200",
      description = "One page of matching offers, or the iCalendar feed",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SearchResult.class)),
        @Content(mediaType = OfferCalendar.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))
      })
  public Uni<SearchResult> search(@Valid @BeanParam OfferQuery query) {
    return offers.search(query);
  }

  /**
   * The search as an iCalendar feed; documented with {@link #search}, whose operation it shares.
   * The quality below 1 keeps JSON for a client that accepts any type, such as a browser.
   */
  @GET
  @Produces(OfferCalendar.MEDIA_TYPE + ";qs=0.5")
  @Operation(hidden = true)
  public Uni<Response> calendar(@Valid @BeanParam OfferQuery query) {
    return offers.calendar(query).map(PublicOfferResource::calendarResponse);
  }

  @GET
  @Path("map")
  @Produces({OfferMap.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The search as a GeoJSON FeatureCollection (RFC 7946) for a map",
      description =
          "One Point feature per matching offer with a located date, at most limit (default 500,"
              + " at most 2,000). When more match, nearby offers are clustered by grid cells"
              + " (cluster=false: the soonest offers only). The foreign members total, clustered"
              + " and omitted count the located offers that match, those shown only within a"
              + " cluster and those not shown at all.")
  public Uni<OfferMap> map(
      @Valid @BeanParam OfferQuery query,
      @Parameter(description = "minLon,minLat,maxLon,maxLat (WGS 84)") @QueryParam("bbox")
          String bbox,
      @Parameter(description = "the map's zoom level (0-22); sizes the clusters")
          @QueryParam("zoom")
          Integer zoom,
      @Parameter(description = "group nearby offers when more than limit match (default true)")
          @QueryParam("cluster")
          @DefaultValue("true")
          boolean cluster) {
    return offers.map(query, bbox, zoom, cluster);
  }

  /** A calendar feed with what its caps left out in headers. */
  static Response calendarResponse(OfferSearchService.CalendarFeed feed) {
    return Response.ok(feed.body())
        .type(OfferCalendar.CONTENT_TYPE)
        .header("Content-Disposition", "inline; filename=\"lernstadt-angebote.ics\"")
        .header(TOTAL_HEADER, feed.offers())
        .header(OMITTED_HEADER, feed.omittedOffers())
        .header(OMITTED_DATES_HEADER, feed.omittedDates())
        .build();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "One published offer with its dates")
  public Uni<OfferView> get(@PathParam("id") UUID id) {
    return offers.publicOffer(id);
  }

  @GET
  @Path("{id}")
  @Produces(JSON_LD)
  @Operation(summary = "One published offer as schema.org Course with CourseInstances")
  public Uni<Map<String, Object>> getJsonLd(@PathParam("id") UUID id, @Context UriInfo uri) {
    String base = uri.getBaseUri().toString().replaceAll("/$", "");
    return offers.publicOffer(id).map(offer -> OfferJsonLd.of(offer, base));
  }
}

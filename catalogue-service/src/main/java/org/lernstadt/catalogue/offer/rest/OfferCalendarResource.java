package org.lernstadt.catalogue.offer.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.offer.mapping.OfferCalendar;
import org.lernstadt.catalogue.offer.service.OfferSearchService;

/**
 * The search as an iCalendar feed at an address a calendar app can subscribe to without setting an
 * {@code Accept} header, e.g. {@code /v1/offers.ics?lifePhase=SCHOOL_TO_WORK}.
 */
@Path("/v1/offers.ics")
@PermitAll
@Tag(name = "Offers")
public class OfferCalendarResource {

  @Inject OfferSearchService offers;

  @GET
  @Produces(OfferCalendar.MEDIA_TYPE)
  @Operation(
      summary = "The search as an iCalendar feed (RFC 5545) to subscribe to",
      description = "The same as GET /v1/offers with Accept: text/calendar.")
  @APIResponse(
      responseCode = "200",
      description = "The iCalendar feed",
      content =
          @Content(
              mediaType = OfferCalendar.MEDIA_TYPE,
              schema = @Schema(type = SchemaType.STRING)))
  public Uni<Response> calendar(@Valid @BeanParam OfferQuery query) {
    return offers.calendar(query).map(PublicOfferResource::calendarResponse);
  }
}

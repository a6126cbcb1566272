package org.lernstadt.catalogue.offer.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.offer.mapping.OfferJsonLd;
import org.lernstadt.catalogue.offer.mapping.OfferView;
import org.lernstadt.catalogue.offer.mapping.SearchResult;
import org.lernstadt.catalogue.offer.service.OfferSearchService;

/** Every published offer of the city, for citizens and front-ends; no login needed. */
@Path("/v1/offers")
@PermitAll
@Tag(name = "Offers")
public class PublicOfferResource {

  static final String JSON_LD = "application/ld+json";

  @Inject OfferSearchService offers;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Search published offers: full text, filters, radius or district, facets, cursor pages")
  public Uni<SearchResult> search(@Valid @BeanParam OfferQuery query) {
    return offers.search(query);
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

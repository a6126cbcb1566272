package org.lernstadt.catalogue.offer.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lernstadt.catalogue.offer.domain.ExternalId;
import org.lernstadt.catalogue.offer.mapping.BulkReport;
import org.lernstadt.catalogue.offer.mapping.OfferView;
import org.lernstadt.catalogue.offer.service.BulkOfferService;
import org.lernstadt.catalogue.offer.service.PartnerOfferService;
import org.lernstadt.catalogue.offer.service.PushOutcome;
import org.lernstadt.platform.web.Page;
import org.lernstadt.platform.web.PageRequest;
import org.lernstadt.platform.web.Problem;
import org.lernstadt.platform.web.ProblemException;

/**
 * The partner API: an institution's machine client maintains its own offers. The provider comes
 * from the token's {@code provider_id} claim, never from the request.
 */
@Path("/v1/partner/offers")
@RolesAllowed("partner")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner offers")
public class PartnerOfferResource {

  static final String EXTERNAL_ID = ExternalId.PATTERN;

  static final String NDJSON = "application/x-ndjson";

  @Inject PartnerOfferService offers;
  @Inject BulkOfferService bulk;
  @Inject BulkItemReader reader;
  @Inject JsonWebToken token;

  @PUT
  @Path("{externalId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or replace an offer (idempotent; If-Match on version)")
  public Uni<Response> put(
      @PathParam("externalId")
          @Pattern(regexp = EXTERNAL_ID, message = "must be 1 to 100 of A-Z a-z 0-9 . _ : ~ -") String externalId,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull OfferPush offer) {
    return offers
        .push(providerKey(), externalId, version(ifMatch), offer)
        .map(
            result -> {
              Response.ResponseBuilder answer =
                  result.outcome() == PushOutcome.CREATED
                      ? Response.created(URI.create("/v1/partner/offers/" + externalId))
                      : Response.ok();
              return answer
                  .tag(etag(result.offer()))
                  .header("Lernstadt-Push-Outcome", result.outcome().name().toLowerCase())
                  .entity(result.offer())
                  .build();
            });
  }

  @POST
  @Path("bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Create or replace up to 10,000 offers; each item is reported as created, updated,"
              + " unchanged or rejected with its reasons")
  public Uni<BulkReport> bulk(@NotNull JsonNode items) {
    return bulk.push(providerKey(), reader.fromArray(items));
  }

  @POST
  @Path("bulk")
  @Consumes(NDJSON)
  @Operation(summary = "The same bulk push as newline-delimited JSON, one offer per line")
  public Uni<BulkReport> bulkLines(String lines) {
    return bulk.push(providerKey(), reader.fromLines(lines));
  }

  @GET
  @Path("{externalId}")
  @Operation(summary = "One of the partner's own offers")
  public Uni<Response> get(@PathParam("externalId") String externalId) {
    return offers
        .get(providerKey(), externalId)
        .map(view -> Response.ok(view).tag(etag(view)).build());
  }

  @DELETE
  @Path("{externalId}")
  @Operation(summary = "Withdraw an offer")
  public Uni<OfferView> withdraw(@PathParam("externalId") String externalId) {
    return offers.withdraw(providerKey(), externalId);
  }

  @GET
  @Operation(summary = "The partner's own offers, by external id, cursor-paginated")
  public Uni<Page<OfferView>> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return offers.list(providerKey(), PageRequest.of(limit, cursor, 100, 500));
  }

  private String providerKey() {
    Object claim = token.getClaim("provider_id");
    return claim == null ? null : claim.toString().replace("\"", "");
  }

  private static EntityTag etag(OfferView offer) {
    return new EntityTag(Long.toString(offer.version()));
  }

  /** The version in an {@code If-Match} header such as {@code "3"}, or null without one. */
  private static Long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ProblemException(
          400,
          "Bad Request",
          "If-Match must carry an ETag this API issued.",
          List.of(new Problem.FieldError("If-Match", "not a version tag")));
    }
  }
}

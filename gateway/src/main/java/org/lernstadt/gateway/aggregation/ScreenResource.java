package org.lernstadt.gateway.aggregation;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the front-ends' screens need in one call each. Public: every part is read from its service
 * with the caller's own token, so a signed-in caller sees what their roles allow and nothing more.
 */
@Path("/api/v1")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Screens", description = "Aggregations for the municipal front-ends")
public class ScreenResource {

  private final DistrictProfileService profiles;
  private final SearchService search;
  private final HomeService home;
  private final Answers answers;

  ScreenResource(
      DistrictProfileService profiles, SearchService search, HomeService home, Answers answers) {
    this.profiles = profiles;
    this.search = search;
    this.home = home;
    this.answers = answers;
  }

  @GET
  @Path("districts/{code}/profile")
  @Operation(
      summary =
          "A district's page: upcoming offers, learning places, counselling nearby, open"
              + " dialogues, indicators; parts that could not be had are listed in `missing`")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = DistrictProfile.class)))
  public Uni<Response> profile(
      @PathParam("code") @Pattern(regexp = "[A-Za-z0-9_-]{1,20}") String code,
      @Context HttpHeaders headers) {
    return answers.respond(
        "profile " + code,
        headers,
        () -> profiles.profile(code, headers.getHeaderString(HttpHeaders.AUTHORIZATION)),
        DistrictProfile::missing);
  }

  @GET
  @Path("search")
  @Operation(
      summary =
          "One search over offers, providers, learning places, counselling centres and"
              + " dialogues, grouped by kind")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SearchResults.class)))
  public Uni<Response> search(
      @QueryParam("q") @NotNull @Size(min = 2, max = 100) String q,
      @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit,
      @Context HttpHeaders headers) {
    String text = q.strip();
    return answers.respond(
        "search " + limit + " " + text,
        headers,
        () -> search.search(text, limit, headers.getHeaderString(HttpHeaders.AUTHORIZATION)),
        SearchResults::missing);
  }

  @GET
  @Path("home")
  @Operation(
      summary =
          "The portal's start page: counts, next offers, events, open dialogues, city"
              + " indicators")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = Home.class)))
  public Uni<Response> home(@Context HttpHeaders headers) {
    return answers.respond(
        "home",
        headers,
        () -> home.home(headers.getHeaderString(HttpHeaders.AUTHORIZATION)),
        Home::missing);
  }
}

package org.lernstadt.catalogue.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.at;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.editor;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.post;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.provider;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.register;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.unique;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.provider.CatalogueFixtures.Square;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Lookup of providers and learning places by a part of their name ({@code q}), as the gateway's
 * search and district screens use it: substring, case-, accent- and ß-insensitive, combined with
 * the other filters and the paging. Each test works in a district of its own.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class NameLookupTest {

  @Inject Pool pool;

  private static String registerNamed(String name, String kind, Square square) {
    Map<String, Object> body = provider(unique("lookup"));
    body.put("name", name);
    body.put("kind", kind);
    body.put("location", at(square.inside()));
    return register(body);
  }

  private static String placeNamed(String providerId, String name, Square square) {
    Map<String, Object> body = new HashMap<>();
    body.put("providerId", providerId);
    body.put("name", name);
    body.put("kind", "INFORMAL");
    body.put("category", "meeting place");
    body.put("location", at(square.inside()));
    return post("/v1/learning-places", editor(), body).then().statusCode(201).extract().path("id");
  }

  private static List<String> names(String path, Map<String, Object> query) {
    return CatalogueFixtures.allPages(path, query).stream()
        .map(item -> (String) item.get("name"))
        .toList();
  }

  @Test
  void providersAreFoundByAnyPartOfTheirNameIgnoringCaseAccentsAndSharpS() {
    Square square = CatalogueFixtures.district();
    registerNamed("Bildungswerk Großmüller", "ADULT_EDUCATION_CENTRE", square);
    registerNamed("Kleinmüller Stadtteilbibliothek", "LIBRARY", square);
    registerNamed("Volkshochschule Süd", "ADULT_EDUCATION_CENTRE", square);
    String path = "/v1/providers";

    assertEquals(
        List.of("Bildungswerk Großmüller"),
        names(path, Map.of("district", square.code(), "q", "  GROSSMULLER ")));
    assertEquals(
        List.of("Bildungswerk Großmüller", "Kleinmüller Stadtteilbibliothek"),
        names(path, Map.of("district", square.code(), "q", "müller")));
    assertEquals(
        List.of("Kleinmüller Stadtteilbibliothek"),
        names(path, Map.of("district", square.code(), "q", "Muller", "kind", "LIBRARY")));
    assertEquals(List.of(), names(path, Map.of("district", square.code(), "q", "nordwerk")));

    // Paging goes on within the matches.
    given()
        .queryParam("district", square.code())
        .queryParam("q", "müller")
        .queryParam("limit", 1)
        .get(path)
        .then()
        .statusCode(200)
        .body("items.name", equalTo(List.of("Bildungswerk Großmüller")))
        .body("next", notNullValue());
  }

  @Test
  void learningPlacesAreFoundByAnyPartOfTheirNameWithTheOtherFilters() {
    Square square = CatalogueFixtures.district();
    String werk = registerNamed("Werkhaus " + unique("w"), "OTHER", square);
    String other = registerNamed("Anderes Haus " + unique("a"), "OTHER", square);
    placeNamed(werk, "Offene Werkstatt Äußere Neustadt", square);
    placeNamed(werk, "Lesegarten", square);
    placeNamed(other, "Werkstattcafé", square);
    String path = "/v1/learning-places";

    assertEquals(
        List.of("Offene Werkstatt Äußere Neustadt", "Werkstattcafé"),
        names(path, Map.of("district", square.code(), "q", "WERKSTATT")));
    assertEquals(
        List.of("Offene Werkstatt Äußere Neustadt"),
        names(path, Map.of("district", square.code(), "q", "aussere neu")));
    assertEquals(
        List.of("Werkstattcafé"),
        names(path, Map.of("district", square.code(), "q", "werkstatt", "provider", other)));
    assertEquals(
        List.of("Werkstattcafé"), names(path, Map.of("district", square.code(), "q", "CAFE")));
  }

  @Test
  void wildcardsInTheTextAreMatchedLiterally() {
    Square square = CatalogueFixtures.district();
    registerNamed("Rabatt 50% Akademie", "OTHER", square);
    registerNamed("Rabatt 500 Akademie", "OTHER", square);
    registerNamed("Kurs_Werk", "OTHER", square);
    registerNamed("Kurs Werk", "OTHER", square);
    String path = "/v1/providers";

    assertEquals(
        List.of("Rabatt 50% Akademie"), names(path, Map.of("district", square.code(), "q", "50%")));
    assertEquals(List.of("Kurs_Werk"), names(path, Map.of("district", square.code(), "q", "s_w")));
    assertEquals(List.of(), names(path, Map.of("district", square.code(), "q", "%%")));
  }

  @Test
  void aTextOfOneOrMoreThanHundredCharactersIsRefusedNamingQ() {
    for (String path : List.of("/v1/providers", "/v1/learning-places")) {
      for (String q : List.of("a", "  b  ", "x".repeat(101))) {
        given()
            .queryParam("q", q)
            .get(path)
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .body("errors[0].field", equalTo("q"));
      }
      given().queryParam("q", "x".repeat(100)).get(path).then().statusCode(200);
    }
  }

  @Test
  void theLookupIsAnswerableFromTheTrigramIndexes() {
    // The index expressions must be the very expressions the queries use; with sequential scans
    // ruled out, the planner shows whether it can use them.
    for (String table : List.of("provider", "learning_place")) {
      String plan =
          pool.withTransaction(
                  c ->
                      c.query("set local enable_seqscan = off")
                          .execute()
                          .chain(
                              () ->
                                  c.query(
                                          "explain select id from "
                                              + table
                                              + " where search_fold(name) like"
                                              + " search_fold('%Großmüller%')")
                                      .execute()))
              .map(
                  rows ->
                      String.join(
                          "\n",
                          StreamSupport.stream(rows.spliterator(), false)
                              .map((Row r) -> r.getString(0))
                              .toList()))
              .await()
              .indefinitely();
      assertTrue(plan.contains(table + "_name_trgm"), plan);
    }
  }
}

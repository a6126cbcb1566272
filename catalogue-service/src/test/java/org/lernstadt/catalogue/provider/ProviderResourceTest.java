package org.lernstadt.catalogue.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.LIBRARY_CLIENT;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.LIBRARY_KEY;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.VHS_CLIENT;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.VHS_KEY;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.asCommand;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.at;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.citizen;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.editor;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.partner;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.post;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.provider;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.put;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.register;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.unique;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.provider.CatalogueFixtures.Square;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** Registering and maintaining institutions, by editors and by partners for their own. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ProviderResourceTest {

  @Test
  void editorRegistersAProviderAndAnyoneReadsIt() {
    String key = unique("vhs");
    Response created = post("/v1/providers", editor(), provider(key));
    created
        .then()
        .statusCode(201)
        .header("ETag", equalTo("\"0\""))
        .body("key", equalTo(key))
        .body("kind", equalTo("ADULT_EDUCATION_CENTRE"))
        .body("address.city", equalTo("Lernstadt"))
        .body("contact.phone", equalTo("+49 351 1234-0"))
        .body("accessibility", containsInAnyOrder("WHEELCHAIR_ACCESSIBLE", "HEARING_LOOP"))
        .body("version", equalTo(0));
    String id = created.path("id");
    assertEquals(true, created.header("Location").endsWith("/v1/providers/" + id));

    given()
        .get("/v1/providers/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"0\""))
        .body("name", equalTo("Volkshochschule " + key))
        .body("website", equalTo("https://" + key + ".example/kurse"));
  }

  @Test
  void onlyEditorsRegister() {
    given()
        .contentType("application/json")
        .body(provider(unique("anon")))
        .post("/v1/providers")
        .then()
        .statusCode(401);
    post("/v1/providers", citizen(), provider(unique("citizen"))).then().statusCode(403);
    post("/v1/providers", partner(VHS_CLIENT), provider(unique("partner"))).then().statusCode(403);
  }

  @Test
  void aKeyIsTakenOnce() {
    String key = unique("once");
    register(provider(key));
    post("/v1/providers", editor(), provider(key))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("key"));
  }

  @Test
  void invalidValuesAreRefusedNamingEachField() {
    Map<String, Object> body = provider("Not A Key!");
    body.put("name", "x".repeat(201));
    body.put("website", "javascript:alert(1)");
    body.put("location", Map.of("lat", 91.0, "lon", 13.7));
    body.put("contact", Map.of("email", "not-an-address"));
    post("/v1/providers", editor(), body)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("key", "name", "website", "location.lat", "contact.email"));

    Map<String, Object> noKey = provider("ignored");
    noKey.remove("key");
    post("/v1/providers", editor(), noKey)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("key"));

    Map<String, Object> ftp = provider(unique("ftp"));
    ftp.put("website", "ftp://files.example/");
    post("/v1/providers", editor(), ftp)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("website"));

    Map<String, Object> unknownKind = provider(unique("kind"));
    unknownKind.put("kind", "SPACESHIP");
    post("/v1/providers", editor(), unknownKind)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("kind"));

    Map<String, Object> unknownFeature = provider(unique("feature"));
    unknownFeature.put("accessibility", List.of("TELEPORTER"));
    post("/v1/providers", editor(), unknownFeature).then().statusCode(400);
  }

  @Test
  void markupIsStoredAndReturnedAsPlainText() {
    Map<String, Object> body = provider(unique("markup"));
    String name = "<script>alert('x')</script> & <b>Kurse</b>";
    body.put("name", name);
    String id = register(body);
    given()
        .get("/v1/providers/" + id)
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("name", equalTo(name));
  }

  @Test
  void updatesTakeIfMatchAndAStaleVersionIsRefused() {
    String id = register(provider(unique("etag")));
    Response read = given().get("/v1/providers/" + id);
    String etag = read.header("ETag");
    Map<String, Object> change = asCommand(read.path(""));
    change.put("name", "Volkshochschule am Fluss");

    put("/v1/providers/" + id, editor(), etag, change)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("name", equalTo("Volkshochschule am Fluss"))
        .body("version", equalTo(1));

    change.put("name", "Lost update");
    put("/v1/providers/" + id, editor(), etag, change)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("status", equalTo(412));
    given().get("/v1/providers/" + id).then().body("name", equalTo("Volkshochschule am Fluss"));

    // The same content again changes nothing: the version stays.
    change.put("name", "Volkshochschule am Fluss");
    put("/v1/providers/" + id, editor(), "\"1\"", change)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""));

    // Without If-Match the last write wins.
    change.put("kind", "CLUB");
    put("/v1/providers/" + id, editor(), null, change)
        .then()
        .statusCode(200)
        .body("kind", equalTo("CLUB"))
        .body("version", equalTo(2));

    put("/v1/providers/" + java.util.UUID.randomUUID(), editor(), null, change)
        .then()
        .statusCode(404);
  }

  @Test
  void partnerMaintainsItsOwnProviderOnly() {
    String own = CatalogueFixtures.partnerProvider(VHS_KEY, VHS_CLIENT);
    String other = register(provider(unique("other")));
    String partner = partner(VHS_CLIENT);

    given()
        .auth()
        .oauth2(partner)
        .get("/v1/partner/provider")
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("id", equalTo(own))
        .body("key", equalTo(VHS_KEY));

    Response read = given().get("/v1/providers/" + own);
    Map<String, Object> change = asCommand(read.path(""));
    String website = "https://vhs.example/" + unique("programm");
    change.put("website", website);
    put("/v1/providers/" + own, partner, read.header("ETag"), change)
        .then()
        .statusCode(200)
        .body("website", equalTo(website));

    // Another institution's provider: 403, nothing changed.
    Response otherRead = given().get("/v1/providers/" + other);
    Map<String, Object> hijack = asCommand(otherRead.path(""));
    hijack.put("name", "Hijacked");
    put("/v1/providers/" + other, partner, null, hijack)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .get("/v1/providers/" + other)
        .then()
        .body("name", equalTo(otherRead.path("name")))
        .body("version", equalTo((Integer) otherRead.path("version")));
    put("/v1/providers/" + other, partner(LIBRARY_CLIENT), null, hijack).then().statusCode(403);

    // Its own key and partner client are the city's to set.
    Map<String, Object> rekey = asCommand(given().get("/v1/providers/" + own).path(""));
    rekey.put("key", unique("renamed"));
    put("/v1/providers/" + own, partner, null, rekey)
        .then()
        .statusCode(403)
        .body("errors.field", hasItem("key"));
    Map<String, Object> reclient = asCommand(given().get("/v1/providers/" + own).path(""));
    reclient.put("partnerClient", "someone-else");
    put("/v1/providers/" + own, partner, null, reclient)
        .then()
        .statusCode(403)
        .body("errors.field", hasItem("partnerClient"));
    given().get("/v1/providers/" + own).then().body("key", equalTo(VHS_KEY));
  }

  @Test
  void theOtherDemoPartnerSeesItsOwnProvider() {
    String library = CatalogueFixtures.partnerProvider(LIBRARY_KEY, LIBRARY_CLIENT);
    given()
        .auth()
        .oauth2(partner(LIBRARY_CLIENT))
        .get("/v1/partner/provider")
        .then()
        .statusCode(200)
        .body("id", equalTo(library));
    given().auth().oauth2(editor()).get("/v1/partner/provider").then().statusCode(403);
  }

  @Test
  void listsArePaginatedByCursorAndFiltered() {
    Square square = CatalogueFixtures.district();
    List<String> ids =
        List.of(
            CatalogueFixtures.registerProvider("LIBRARY", square.inside()),
            CatalogueFixtures.registerProvider("LIBRARY", square.inside()),
            CatalogueFixtures.registerProvider("MUSEUM", square.inside()),
            CatalogueFixtures.registerProvider("SCHOOL", square.inside()),
            CatalogueFixtures.registerProvider("LIBRARY", square.inside()));

    Response first =
        given().queryParam("district", square.code()).queryParam("limit", 2).get("/v1/providers");
    first.then().statusCode(200).body("items.size()", equalTo(2)).body("next", notNullValue());

    List<Map<String, Object>> all =
        CatalogueFixtures.allPages("/v1/providers", Map.of("district", square.code(), "limit", 2));
    assertEquals(5, all.size());
    assertEquals(new HashSet<>(ids), new HashSet<>(all.stream().map(p -> p.get("id")).toList()));
    List<String> names = all.stream().map(p -> (String) p.get("name")).toList();
    assertEquals(names.stream().sorted().toList(), names, "sorted by name");

    List<Map<String, Object>> libraries =
        CatalogueFixtures.allPages(
            "/v1/providers", Map.of("district", square.code(), "kind", "LIBRARY"));
    assertEquals(3, libraries.size());

    given().queryParam("limit", 101).get("/v1/providers").then().statusCode(400);
    given().queryParam("cursor", "bm90LW91cnM").get("/v1/providers").then().statusCode(400);
    given()
        .queryParam("kind", "SPACESHIP")
        .get("/v1/providers")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("kind"));
    given()
        .queryParam("district", square.code())
        .queryParam("limit", 100)
        .get("/v1/providers")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(5))
        .body("next", nullValue());
  }

  @Test
  void aProviderWithoutLocationHasNoDistrict() {
    Map<String, Object> body = provider(unique("nowhere"));
    body.remove("address");
    body.remove("contact");
    post("/v1/providers", editor(), body)
        .then()
        .statusCode(201)
        .body("district", nullValue())
        .body("location", nullValue());
    Map<String, Object> located = provider(unique("somewhere"));
    located.put("location", at(new double[] {10.0, 10.0}));
    post("/v1/providers", editor(), located)
        .then()
        .statusCode(201)
        .body("location.lat", equalTo(10.0f))
        .body("id", notNullValue());
  }
}

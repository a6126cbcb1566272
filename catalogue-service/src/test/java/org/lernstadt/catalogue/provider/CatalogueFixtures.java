package org.lernstadt.catalogue.provider;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.lernstadt.platform.testing.Tokens;

/**
 * Test data for the provider and district contexts. Tests share one database (and the lead's offer
 * tests use it too), so every key, code and place is unique per call: keys get a random suffix,
 * districts are small squares at random spots of the South Pacific, far from any real city.
 */
public final class CatalogueFixtures {

  /** The demo partner clients and the providers their tokens name in {@code provider_id}. */
  public static final String VHS_CLIENT = "partner-vhs";

  public static final String VHS_KEY = "vhs-demo";
  public static final String LIBRARY_CLIENT = "partner-library";
  public static final String LIBRARY_KEY = "library-demo";

  static {
    io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  private CatalogueFixtures() {}

  public static String editor() {
    return Tokens.forUser("editor1");
  }

  public static String citizen() {
    return Tokens.forUser("citizen1");
  }

  public static String partner(String client) {
    return Tokens.forPartner(client);
  }

  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A district: a square of about 2 km around a random centre, away from other tests' data. */
  public record Square(String code, double lat, double lon, double half) {

    /** A point well inside. */
    public double[] inside() {
      return new double[] {lat + half / 3, lon - half / 3};
    }

    /** A point just outside (east of the square). */
    public double[] outside() {
      return new double[] {lat, lon + half * 1.5};
    }

    public Map<String, Object> geometry() {
      List<List<Double>> ring =
          List.of(
              List.of(lon - half, lat - half),
              List.of(lon + half, lat - half),
              List.of(lon + half, lat + half),
              List.of(lon - half, lat + half),
              List.of(lon - half, lat - half));
      return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }
  }

  /** A random square that is not uploaded yet. */
  public static Square square() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    double lat = -50 + random.nextDouble() * 20;
    double lon = -150 + random.nextDouble() * 40;
    return new Square(unique("t"), lat, lon, 0.01);
  }

  /** Uploads a new random district and returns it. */
  public static Square district() {
    return district(square());
  }

  /** Uploads the square as a new district and returns it. */
  public static Square district(Square square) {
    given()
        .auth()
        .oauth2(editor())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Testbezirk " + square.code(), "geometry", square.geometry()))
        .put("/v1/districts/" + square.code())
        .then()
        .statusCode(201);
    return square;
  }

  /** A registration body; change it before posting. */
  public static Map<String, Object> provider(String key) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("name", "Volkshochschule " + key);
    body.put("kind", "ADULT_EDUCATION_CENTRE");
    body.put("address", Map.of("street", "Am Markt 1", "postalCode", "01067", "city", "Lernstadt"));
    body.put("contact", Map.of("email", "info@" + key + ".example", "phone", "+49 351 1234-0"));
    body.put("website", "https://" + key + ".example/kurse");
    body.put("accessibility", List.of("WHEELCHAIR_ACCESSIBLE", "HEARING_LOOP"));
    return body;
  }

  public static Map<String, Object> at(double[] point) {
    return Map.of("lat", point[0], "lon", point[1]);
  }

  public static Response post(String path, String token, Object body) {
    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
  }

  public static Response put(String path, String token, String ifMatch, Object body) {
    var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.put(path);
  }

  /** Registers the provider and returns its id. */
  public static String register(Map<String, Object> body) {
    return post("/v1/providers", editor(), body).then().statusCode(201).extract().path("id");
  }

  /** Registers a provider with a random key (optionally at a point) and returns its id. */
  public static String registerProvider(String kind, double[] point) {
    Map<String, Object> body = provider(unique("p"));
    body.put("kind", kind);
    if (point != null) {
      body.put("location", at(point));
    }
    return register(body);
  }

  /**
   * The id of the provider a demo partner client acts for, registering it first if no test has done
   * so yet.
   */
  public static String partnerProvider(String key, String client) {
    Map<String, Object> body = provider(key);
    body.put("name", key.equals(VHS_KEY) ? "Volkshochschule Lernstadt" : "Stadtbibliothek");
    body.put("kind", key.equals(VHS_KEY) ? "ADULT_EDUCATION_CENTRE" : "LIBRARY");
    body.put("partnerClient", client);
    Response created = post("/v1/providers", editor(), body);
    if (created.statusCode() == 201) {
      return created.path("id");
    }
    if (created.statusCode() != 409) {
      throw new AssertionError("Registering " + key + ": " + created.asString());
    }
    return given()
        .auth()
        .oauth2(partner(client))
        .get("/v1/partner/provider")
        .then()
        .statusCode(200)
        .extract()
        .path("id");
  }

  /** The provider as a replacement body: what GET returned without the server's own fields. */
  public static Map<String, Object> asCommand(Map<String, Object> view) {
    Map<String, Object> body = new LinkedHashMap<>(view);
    for (String field : List.of("id", "district", "version", "createdAt", "updatedAt")) {
      body.remove(field);
    }
    return body;
  }

  /** Every page of a list, following the cursors. */
  public static List<Map<String, Object>> allPages(String path, Map<String, Object> query) {
    List<Map<String, Object>> items = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 100; pages++) {
      var request = given().queryParams(query);
      if (cursor != null) {
        request = request.queryParam("cursor", cursor);
      }
      Response page = request.get(path).then().statusCode(200).extract().response();
      items.addAll(page.path("items"));
      cursor = page.path("next");
      if (cursor == null) {
        return items;
      }
    }
    throw new AssertionError("more than 100 pages");
  }
}

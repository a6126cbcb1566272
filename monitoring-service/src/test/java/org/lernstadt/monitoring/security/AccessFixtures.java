package org.lernstadt.monitoring.security;

import static io.restassured.RestAssured.given;

import java.util.Map;
import org.lernstadt.monitoring.Fixtures;
import org.lernstadt.platform.testing.attack.PathParams;

/**
 * The objects the authorization matrix and the bad-input run address: a district, an imported
 * indicator with a threshold rule, and a report year of its own. Created through the API.
 */
final class AccessFixtures {

  record Objects(String area, String indicator, String ruleId, String year) {}

  private static Objects objects;

  private AccessFixtures() {}

  /** The shared objects of the matrix, created once per test JVM. */
  static synchronized Objects objects() {
    if (objects == null) {
      objects = create();
    }
    return objects;
  }

  static PathParams params() {
    return params(objects());
  }

  static PathParams params(Objects o) {
    return new PathParams()
        .put("/v1/areas/{code}", "code", o.area())
        .put("/v1/areas/{code}/indicators", "code", o.area())
        .put("code", o.indicator())
        .put("id", o.ruleId())
        .put("year", o.year());
  }

  /** New objects, for a test that changes them. */
  static Objects create() {
    String area = Fixtures.district("acl");
    String indicator = Fixtures.importedIndicator("ACL", 0, null);
    Object rule =
        given()
            .auth()
            .oauth2(Fixtures.analyst())
            .contentType("application/json")
            .body(rule(area))
            .post("/v1/indicators/" + indicator + "/rules")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Objects(area, indicator, String.valueOf(rule), String.valueOf(Fixtures.year()));
  }

  static Map<String, Object> rule(String area) {
    return Map.of("area", area, "kind", "FALLING", "periods", 2, "importance", "HIGH");
  }
}

package org.lernstadt.counseling.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.lernstadt.counseling.Fixtures.COUNSELOR_2;
import static org.lernstadt.counseling.Fixtures.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** Administrators register centres and their counsellors (production has no demo seed). */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class CentreAdminTest {

  @Test
  void anAdministratorRegistersACentreAndItsCounsellors() {
    String centre = UUID.randomUUID().toString();
    Map<String, Object> body =
        Map.of(
            "name",
            "Seniorenakademie Süd",
            "district",
            "05",
            "languages",
            List.of("de"),
            "topics",
            List.of("WORK_TO_RETIREMENT"));
    as("counselor1").body(body).put("/v1/centres/" + centre).then().statusCode(403);
    as("admin1")
        .body(Map.of("name", "", "latitude", 95))
        .put("/v1/centres/" + centre)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("latitude"));
    as("admin1")
        .body(body)
        .put("/v1/centres/" + centre)
        .then()
        .statusCode(200)
        .body("district", is("05"));
    given().get("/v1/centres").then().body("id", hasItem(centre));

    // counselor2 may publish there once a member.
    String slot = "/v1/centres/" + centre + "/slots";
    Map<String, String> times =
        Map.of(
            "start", Fixtures.freshHour().toString(),
            "end", Fixtures.freshHour().toString(),
            "format", "VIDEO");
    as("counselor2").body(times).post(slot).then().statusCode(403);
    as("admin1")
        .body(Map.of("lead", false))
        .put("/v1/centres/" + centre + "/members/" + COUNSELOR_2)
        .then()
        .statusCode(204);
    var start = Fixtures.freshHour();
    Fixtures.slot("counselor2", centre, start, 30, "VIDEO");
    // With a slot there, the membership stays.
    as("admin1").delete("/v1/centres/" + centre + "/members/" + COUNSELOR_2).then().statusCode(409);
    as("admin1")
        .body(Map.of("lead", true))
        .put("/v1/centres/" + centre + "/members/someone-else")
        .then()
        .statusCode(204);
    as("admin1").delete("/v1/centres/" + centre + "/members/someone-else").then().statusCode(204);
    as("admin1").delete("/v1/centres/" + centre + "/members/someone-else").then().statusCode(404);
    as("admin1")
        .body(Map.of("lead", true))
        .put("/v1/centres/" + UUID.randomUUID() + "/members/x")
        .then()
        .statusCode(404);
  }
}

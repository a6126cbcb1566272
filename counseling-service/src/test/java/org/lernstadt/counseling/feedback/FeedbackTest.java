package org.lernstadt.counseling.feedback;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.CENTRE_2;
import static org.lernstadt.counseling.Fixtures.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class FeedbackTest {

  private static String sessionToken(String caseId) {
    return as("counselor2")
        .body(
            Map.of(
                "heldAt",
                OffsetDateTime.now().minusMinutes(30).toString(),
                "format",
                "PHONE",
                "durationMinutes",
                20))
        .post("/v1/cases/" + caseId + "/sessions")
        .then()
        .statusCode(201)
        .extract()
        .path("feedbackToken");
  }

  private static io.restassured.response.Response answer(String token, int satisfaction) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("satisfaction", satisfaction, "helpfulness", 4, "wouldRecommend", true))
        .post("/v1/feedback/" + token);
  }

  @Test
  void aOneTimeLinkGivesAnonymousFeedbackThatTheLeadSeesAggregated() throws Exception {
    String caseId = CaseFixtures.openCase("counselor2", CENTRE_2, CaseFixtures.plantedName());
    String first = sessionToken(caseId);
    answer(first, 5).then().statusCode(204);
    // Once only.
    answer(first, 1).then().statusCode(404);
    answer("not-a-token", 3).then().statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("satisfaction", 9, "helpfulness", 4, "wouldRecommend", true))
        .post("/v1/feedback/" + sessionToken(caseId))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("satisfaction"));

    // Nothing ties an answer to the case, the session or the person.
    assertEquals(
        0,
        Fixtures.count(
            "select count(*) from information_schema.columns where table_name = 'feedback'"
                + " and column_name not in ('id', 'centre_id', 'submitted_at', 'satisfaction',"
                + " 'helpfulness', 'would_recommend')"));

    // Below three answers the averages are withheld.
    as("lead1")
        .get("/v1/centres/" + CENTRE_2 + "/quality")
        .then()
        .statusCode(200)
        .body("feedback.answers", is(1))
        .body("feedback.averageSatisfaction", is((Object) null));
    answer(sessionToken(caseId), 3).then().statusCode(204);
    answer(sessionToken(caseId), 4).then().statusCode(204);
    as("lead1")
        .get("/v1/centres/" + CENTRE_2 + "/quality")
        .then()
        .statusCode(200)
        .body("feedback.answers", is(3))
        .body("feedback.averageSatisfaction", is(4.0f))
        .body("feedback.wouldRecommendShare", is(1.0f))
        .body("casesByStatus.OPEN", greaterThanOrEqualTo(1))
        .body("waitingTime", notNullValue());

    as("counselor2").get("/v1/centres/" + CENTRE_2 + "/quality").then().statusCode(403);
    as("dpo1").get("/v1/centres/" + CENTRE_1 + "/quality").then().statusCode(403);
  }
}

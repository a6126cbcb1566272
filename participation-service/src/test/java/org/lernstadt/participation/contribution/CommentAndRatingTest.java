package org.lernstadt.participation.contribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.citizen2;
import static org.lernstadt.participation.Fixtures.contribute;
import static org.lernstadt.participation.Fixtures.contribution;
import static org.lernstadt.participation.Fixtures.create;
import static org.lernstadt.participation.Fixtures.dialogue;
import static org.lernstadt.participation.Fixtures.openDialogue;
import static org.lernstadt.participation.Fixtures.phase;
import static org.lernstadt.participation.Fixtures.post;
import static org.lernstadt.participation.Fixtures.put;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** Threads nest and grow only as far as the dialogue allows; one rating per citizen. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class CommentAndRatingTest {

  @jakarta.inject.Inject org.lernstadt.participation.contribution.service.RatingService ratings;

  @Test
  void commentsNestThreeDeepAndHoldAThousandCharactersByDefault() {
    String id = openDialogue();
    String c = contribute(citizen1(), id, contribution("Lernort Elbufer", "outdoors", null));
    String comments = "/v1/contributions/" + c + "/comments";
    String first = comment(comments, citizen2(), Map.of("text", "Ebene 1", "stance", "FOR"));
    String second = comment(comments, citizen1(), Map.of("text", "Ebene 2", "parentId", first));
    String third =
        comment(comments, citizen2(), Map.of("text", "x".repeat(1000), "parentId", second));
    post(comments, citizen1(), Map.of("text", "Ebene 4", "parentId", third))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parentId"))
        .body("errors[0].message", containsString("at most 3"));
    post(comments, citizen1(), Map.of("text", "y".repeat(1001)))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("text"))
        .body("errors[0].message", containsString("at most 1000"));
    post(comments, citizen1(), Map.of("text", "Hm", "stance", "MAYBE"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("stance"));
    post(comments, citizen1(), Map.of("text", "fremd", "parentId", UUID.randomUUID().toString()))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parentId"));

    given()
        .get(comments)
        .then()
        .statusCode(200)
        .body("id", contains(first, second, third))
        .body("depth", contains(1, 2, 3))
        .body("stance[0]", equalTo("FOR"));
    given().get("/v1/contributions/" + c).then().body("commentCount", equalTo(3));
  }

  @Test
  void aDialogueSetsItsOwnCommentLimits() {
    Map<String, Object> d = dialogue();
    d.put("maxCommentDepth", 1);
    d.put("maxCommentLength", 20);
    String id = create(d);
    phase(id, "CONTRIBUTION");
    String c = contribute(citizen1(), id, contribution("Kurz", "library", null));
    String comments = "/v1/contributions/" + c + "/comments";
    String top = comment(comments, citizen2(), Map.of("text", "a".repeat(20)));
    post(comments, citizen2(), Map.of("text", "a".repeat(21))).then().statusCode(422);
    post(comments, citizen2(), Map.of("text", "b", "parentId", top)).then().statusCode(422);
  }

  @Test
  void oneRatingPerCitizenChangeableAndEnforcedByTheDatabase() throws SQLException {
    String id = openDialogue();
    String c = contribute(citizen1(), id, contribution("Bibliothek", "library", null));
    String rating = "/v1/contributions/" + c + "/rating";
    put(rating, citizen1(), Map.of("value", 1))
        .then()
        .statusCode(200)
        .body("ratingCount", equalTo(1));
    put(rating, citizen2(), Map.of("value", 1))
        .then()
        .body("ratingCount", equalTo(2))
        .body("ratingScore", equalTo(2.0f));
    // Rating again changes the rating; it does not add one.
    put(rating, citizen1(), Map.of("value", -1))
        .then()
        .body("ratingCount", equalTo(2))
        .body("ratingScore", equalTo(0.0f));
    put(rating, citizen1(), Map.of("value", 2))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("value"));
    put(rating, citizen1(), Map.of()).then().statusCode(422);
    given()
        .contentType("application/json")
        .body(Map.of("value", 1))
        .put(rating)
        .then()
        .statusCode(401);

    // A second row for the same citizen is refused by the database itself.
    String citizen1Subject = "00000000-0000-4000-8000-000000000101";
    assertEquals(1, ratingsOf(c, citizen1Subject));
    SQLException refused =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection db = db();
                  PreparedStatement insert =
                      db.prepareStatement(
                          "insert into rating (contribution_id, citizen, value) values (?, ?, 1)")) {
                insert.setObject(1, UUID.fromString(c));
                insert.setString(2, citizen1Subject);
                insert.executeUpdate();
              }
            });
    assertEquals("23505", refused.getSQLState());
  }

  @Test
  void starDialoguesScoreTheMean() {
    Map<String, Object> d = dialogue();
    d.put("ratingMode", "STARS");
    String id = create(d);
    phase(id, "CONTRIBUTION");
    String c = contribute(citizen1(), id, contribution("Sterne", "library", null));
    String rating = "/v1/contributions/" + c + "/rating";
    put(rating, citizen1(), Map.of("value", 5)).then().statusCode(200);
    put(rating, citizen2(), Map.of("value", 2))
        .then()
        .body("ratingCount", equalTo(2))
        .body("ratingScore", equalTo(3.5f));
    put(rating, citizen2(), Map.of("value", 0)).then().statusCode(422);
  }

  @Test
  void concurrentRatingsKeepTheAggregatesExact() throws SQLException {
    String id = openDialogue();
    UUID c =
        UUID.fromString(contribute(citizen1(), id, contribution("Viel gefragt", "library", null)));
    String repeated = "repeated-" + UUID.randomUUID();
    // 40 citizens at once, and one citizen ten times at once with changing values.
    io.smallrye.mutiny.Multi.createFrom()
        .range(0, 50)
        .onItem()
        .transformToUni(
            i ->
                i < 40
                    ? ratings.rate(c, i % 3 == 0 ? -1 : 1, "concurrent-" + i + "-" + id)
                    : ratings.rate(c, i % 2 == 0 ? 1 : -1, repeated))
        .merge(20)
        .collect()
        .asList()
        .await()
        .indefinitely();
    int count;
    int sum;
    try (Connection db = db();
        PreparedStatement rows =
            db.prepareStatement(
                "select count(*), sum(value), count(*) filter (where citizen = ?)"
                    + " from rating where contribution_id = ?")) {
      rows.setString(1, repeated);
      rows.setObject(2, c);
      try (ResultSet r = rows.executeQuery()) {
        r.next();
        count = r.getInt(1);
        sum = r.getInt(2);
        assertEquals(1, r.getInt(3), "one row for the citizen who rated ten times");
      }
    }
    assertEquals(41, count);
    given()
        .get("/v1/contributions/" + c)
        .then()
        .body("ratingCount", equalTo(41))
        .body("ratingScore", equalTo((float) sum));
  }

  private static String comment(String path, String token, Map<String, Object> body) {
    return post(path, token, new HashMap<>(body)).then().statusCode(201).extract().path("id");
  }

  private static int ratingsOf(String contribution, String citizen) throws SQLException {
    try (Connection db = db();
        PreparedStatement count =
            db.prepareStatement(
                "select count(*) from rating where contribution_id = ? and citizen = ?")) {
      count.setObject(1, UUID.fromString(contribution));
      count.setString(2, citizen);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  static Connection db() throws SQLException {
    PostgresServer pg = PostgresTestResource.server();
    return DriverManager.getConnection(pg.jdbcUrl("participation"), pg.user(), pg.password());
  }
}

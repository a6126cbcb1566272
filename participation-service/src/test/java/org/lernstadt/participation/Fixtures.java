package org.lernstadt.participation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lernstadt.platform.testing.Tokens;

/**
 * Test data through the REST API with real tokens. Tests share one database, so every dialogue is
 * new per test and assertions look only at its own data.
 */
public final class Fixtures {

  static {
    io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  private Fixtures() {}

  public static String editor() {
    return Tokens.forUser("editor1");
  }

  public static String moderator() {
    return Tokens.forUser("moderator1");
  }

  public static String citizen1() {
    return Tokens.forUser("citizen1");
  }

  public static String citizen2() {
    return Tokens.forUser("citizen2");
  }

  /** A dialogue definition with two categories and two districts; change it before creating. */
  public static Map<String, Object> dialogue() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("title", "Wo lernen Sie in Dresden?");
    d.put("description", "Where and how do you learn, what do you miss?");
    d.put("questions", List.of("Where do you learn?", "What do you miss?"));
    d.put("categories", new ArrayList<>(List.of("library", "outdoors")));
    d.put("districts", List.of("01", "02"));
    return d;
  }

  /** Creates the dialogue as editor1; returns its id. */
  public static String create(Map<String, Object> dialogue) {
    return post("/v1/dialogues", editor(), dialogue).then().statusCode(201).extract().path("id");
  }

  /** Creates the standard dialogue and opens it for contributions. */
  public static String openDialogue() {
    String id = create(dialogue());
    phase(id, "CONTRIBUTION");
    return id;
  }

  public static void phase(String dialogueId, String phase) {
    post("/v1/dialogues/" + dialogueId + "/phase", editor(), Map.of("phase", phase))
        .then()
        .statusCode(200);
  }

  public static Map<String, Object> contribution(String text, String category, String district) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("text", text);
    c.put("category", category);
    if (district != null) {
      c.put("district", district);
    }
    return c;
  }

  /** Contributes as the token's citizen; returns the contribution id. */
  public static String contribute(String token, String dialogueId, Map<String, Object> c) {
    return post("/v1/dialogues/" + dialogueId + "/contributions", token, c)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static Response post(String path, String token, Object body) {
    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path);
  }

  public static Response put(String path, String token, Object body) {
    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path);
  }

  public static String unique(String text) {
    return text + " " + UUID.randomUUID().toString().substring(0, 8);
  }
}

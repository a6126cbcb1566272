package org.lernstadt.participation.security;

import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.editor;
import static org.lernstadt.participation.Fixtures.post;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lernstadt.participation.Fixtures;
import org.lernstadt.platform.testing.attack.PathParams;

/**
 * The objects the authorization matrix and the bad-input run address: a dialogue open for
 * contributions with a contribution and a comment of citizen1, an event, and a citizen-science
 * project with an observation of citizen1. Created through the API.
 */
final class AccessFixtures {

  record Objects(
      String dialogueId,
      String contributionId,
      String commentId,
      String eventId,
      String projectId,
      String observationId) {}

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
        .put("/v1/dialogues/{id}", "id", o.dialogueId())
        .put("/v1/contributions/{id}", "id", o.contributionId())
        .put("/v1/comments/{id}", "id", o.commentId())
        .put("/v1/events/{id}", "id", o.eventId())
        .put("/v1/projects/{id}", "id", o.projectId())
        .put("observationId", o.observationId())
        .put("category", "library");
  }

  /** New objects, for a test that changes them. */
  static Objects create() {
    String dialogue = Fixtures.openDialogue();
    String contribution =
        Fixtures.contribute(
            citizen1(), dialogue, Fixtures.contribution("Die Stadtbibliothek", "library", "01"));
    String comment =
        post("/v1/contributions/" + contribution + "/comments", citizen1(), Map.of("text", "Ja"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String event =
        post("/v1/events", editor(), event(dialogue)).then().statusCode(201).extract().path("id");
    String project =
        post("/v1/projects", editor(), project()).then().statusCode(201).extract().path("id");
    String observation =
        post("/v1/projects/" + project + "/observations", citizen1(), observation())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new Objects(dialogue, contribution, comment, event, project, observation);
  }

  static Map<String, Object> event(String dialogue) {
    OffsetDateTime start = OffsetDateTime.now().plusDays(20);
    Map<String, Object> e = new HashMap<>();
    e.put("dialogueId", dialogue);
    e.put("kind", "ROUNDTABLE");
    e.put("title", "Runder Tisch Lernorte");
    e.put("startsAt", start.toString());
    e.put("endsAt", start.plusHours(2).toString());
    e.put("place", "Kulturpalast");
    e.put("district", "01");
    e.put("capacity", 10);
    return e;
  }

  static Map<String, Object> project() {
    return Map.of(
        "title",
        "Lernorte im Quartier",
        "fields",
        List.of(
            Map.of("code", "district", "kind", "DISTRICT", "label", "Stadtteil"),
            Map.of("code", "visitors", "kind", "NUMBER", "label", "Besucher", "min", 0)));
  }

  static Map<String, Object> observation() {
    return Map.of(
        "values",
        Map.of("district", "04", "visitors", 12),
        "location",
        Map.of("lat", 51.5, "lon", 7.1),
        "observedAt",
        OffsetDateTime.now().minusHours(1).toString());
  }
}

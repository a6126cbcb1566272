package org.lernstadt.reliability;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.lernstadt.platform.testing.Tokens;

/**
 * Citizens of the demo realm (citizen1 … citizen30) taking part in one dialogue of the
 * participation service, in a district of the test.
 */
final class Citizens {

  static final int COUNT = 30;

  private final String dialogueId;
  private final String district;
  final AtomicInteger contributions = new AtomicInteger();
  final AtomicInteger ratings = new AtomicInteger();

  private Citizens(String dialogueId, String district) {
    this.dialogueId = dialogueId;
    this.district = district;
  }

  /** An editor's dialogue about the district, open for contributions and ratings. */
  static Citizens inDialogueOf(Platform.District district) {
    String id =
        as("editor1")
            .body(
                Map.of(
                    "title",
                    "Lernorte in " + district.code(),
                    "description",
                    "Wo lernen Sie?",
                    "categories",
                    List.of("library", "outdoors"),
                    "districts",
                    List.of(district.code())))
            .post("/v1/dialogues")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("editor1")
        .body(Map.of("phase", "CONTRIBUTION"))
        .post("/v1/dialogues/" + id + "/phase")
        .then()
        .statusCode(200);
    return new Citizens(id, district.code());
  }

  /** citizen{n} contributes once; returns the contribution id. */
  String contribute(int n) {
    String id =
        as("citizen" + n)
            .body(
                Map.of(
                    "text",
                    "Die Stadtbibliothek, Beitrag " + contributions.get() + " von citizen" + n,
                    "category",
                    "library",
                    "district",
                    district))
            .post("/v1/dialogues/" + dialogueId + "/contributions")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    contributions.incrementAndGet();
    return id;
  }

  /** Every citizen rates every one of the contributions, four at a time. */
  CompletableFuture<Void> rateAll(List<String> contributionIds) {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CompletableFuture<?>[] all =
        IntStream.rangeClosed(1, COUNT)
            .mapToObj(
                n ->
                    CompletableFuture.runAsync(
                        () -> {
                          for (String c : contributionIds) {
                            as("citizen" + n)
                                .body(Map.of("value", n % 3 == 0 ? -1 : 1))
                                .put("/v1/contributions/" + c + "/rating")
                                .then()
                                .statusCode(200);
                            ratings.incrementAndGet();
                          }
                        },
                        pool))
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(all).whenComplete((done, failed) -> pool.shutdown());
  }

  private static RequestSpecification as(String user) {
    return given()
        .baseUri(Platform.participation().url().toString())
        .auth()
        .oauth2(Tokens.forUser(user))
        .contentType(ContentType.JSON);
  }
}

package org.lernstadt.catalogue.offer.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.offer.BulkOfferTest;
import org.lernstadt.democity.DemoCity;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * What the feed import costs on top of the partner bulk push: the same generated offers of the demo
 * city pushed as NDJSON by a partner, then imported as one schema.org ItemList by an editor, then
 * imported again (all unchanged); each timed until every event is on the broker. A benchmark, not a
 * test: it asserts nothing about time and runs only on demand:
 *
 * <pre>
 * ./mvnw -pl catalogue-service -am verify -Dgroups=benchmark -DexcludedGroups= \
 *   -Dtest=FeedImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.offers=10000
 * </pre>
 */
@QuarkusTest
@Tag("benchmark")
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class FeedImportBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void importAgainstBulkPush() throws Exception {
    int offers = Integer.getInteger("bench.offers", 10_000);
    UUID[] providers = FeedFixtures.providers();
    DemoCity city = new DemoCity(42, OffsetDateTime.now().plusDays(1));
    // Both paths once on other offers first, so that neither is timed while the JIT warms up.
    List<String> warmUp = items(city, "warm-", 1_000);
    push(String.join("\n", warmUp));
    imported(feed(warmUp), providers[0]);
    untilPublished(System.nanoTime());

    UUID provider = providers[1];
    List<String> items = items(city, "bench-", offers);
    String lines = String.join("\n", items);
    String feed = feed(items);

    long pushStart = System.nanoTime();
    push(lines);
    double push = untilPublished(pushStart);

    long importStart = System.nanoTime();
    JsonPath first = imported(feed, provider);
    double importing = untilPublished(importStart);

    long againStart = System.nanoTime();
    JsonPath again = imported(feed, provider);
    double repeat = untilPublished(againStart);

    System.out.printf(
        "feed import benchmark, %d offers (%.1f MB of JSON-LD)%n"
            + "  partner bulk push (NDJSON):  %.0f offers/s (%.1f s)%n"
            + "  feed import, new:            %.0f offers/s (%.1f s), %d created, %d rejected%n"
            + "  feed import, repeated:       %.0f offers/s (%.1f s), %d unchanged%n",
        offers,
        feed.length() / 1e6,
        offers / push,
        push,
        offers / importing,
        importing,
        first.getInt("summary.created"),
        first.getInt("summary.rejected"),
        offers / repeat,
        repeat,
        again.getInt("summary.unchanged"));
  }

  private static List<String> items(DemoCity city, String prefix, int count) {
    List<String> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(city.next(prefix + i));
    }
    return items;
  }

  private static void push(String lines) {
    BulkOfferTest.bulk("application/x-ndjson", lines);
  }

  private static JsonPath imported(String feed, UUID provider) {
    return FeedFixtures.post(
            Tokens.forUser("editor1"), "application/ld+json", feed, "?provider=" + provider)
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Seconds from the start until the outbox has no unsent event left. */
  private static double untilPublished(long start) throws Exception {
    while (unsentEvents() > 0) {
      Thread.onSpinWait();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** The push items as Courses of an ItemList, the way another portal would publish them. */
  private static String feed(List<String> items) throws Exception {
    ObjectNode list = JSON.createObjectNode().put("@context", "https://schema.org");
    list.put("@type", "ItemList");
    ArrayNode elements = list.putArray("itemListElement");
    for (String item : items) {
      JsonNode offer = JSON.readTree(item);
      ObjectNode course = elements.addObject().put("@type", "Course");
      course.put("@id", "https://portal.example/kurse/" + offer.get("externalId").asText());
      course.put("name", offer.get("title").asText());
      course.put("description", offer.get("description").asText());
      course.set("about", offer.get("topics"));
      course.putObject("audience").set("educationalRole", offer.get("lifePhases"));
      course.set("inLanguage", offer.get("languages"));
      JsonNode fee = offer.path("cost").path("feeCents");
      course.putObject("offers").put("price", fee.isMissingNode() ? 0 : fee.asInt() / 100.0);
      String modality = offer.get("modality").asText();
      ArrayNode instances = course.putArray("hasCourseInstance");
      for (JsonNode session : offer.get("sessions")) {
        ObjectNode instance = instances.addObject().put("@type", "CourseInstance");
        instance.put(
            "courseMode",
            switch (modality) {
              case "ONLINE" -> "online";
              case "HYBRID" -> "blended";
              default -> "onsite";
            });
        instance.put("startDate", session.get("start").asText());
        instance.put("endDate", session.get("end").asText());
        ArrayNode locations = instance.putArray("location");
        if (session.has("location")) {
          ObjectNode place = locations.addObject().put("@type", "Place");
          place.put("address", session.get("address").asText());
          place
              .putObject("geo")
              .put("latitude", session.at("/location/lat").asDouble())
              .put("longitude", session.at("/location/lon").asDouble());
        }
        if (session.has("onlineUrl")) {
          locations
              .addObject()
              .put("@type", "VirtualLocation")
              .put("url", session.get("onlineUrl").asText());
        }
      }
    }
    return JSON.writeValueAsString(list);
  }

  private static long unsentEvents() throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password());
        ResultSet rs =
            c.createStatement()
                .executeQuery("select count(*) from outbox_event where sent_at is null")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

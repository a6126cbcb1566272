package org.lernstadt.catalogue.offer.feed;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/** Feeds the import refuses as a whole, and callers it refuses: nothing is stored. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class FeedImportRefusalTest {

  private String feed;

  @BeforeEach
  void providers() throws Exception {
    FeedFixtures.providers();
    feed = FeedImportTest.feed(FeedFixtures.word(), java.util.UUID.randomUUID().toString(), "10");
  }

  private static void refused(
      int status, String field, String contentType, String body, String query) throws Exception {
    long before = FeedFixtures.offerCount();
    FeedFixtures.post(Tokens.forUser("editor1"), contentType, body, query)
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("errors[0].field", equalTo(field));
    assertEquals(before, FeedFixtures.offerCount(), "offers stored by a refused import");
  }

  @Test
  void notJsonIsABadRequest() throws Exception {
    refused(400, "$", "application/ld+json", "{\"@type\": \"Course\", \"name\": ", "");
  }

  @Test
  void jsonThatIsNoSchemaOrgFeedIsUnprocessable() throws Exception {
    refused(422, "@type", "application/json", "{\"title\": \"Kurs\", \"topics\": []}", "");
    refused(422, "$", "application/json", "\"Course\"", "");
    refused(422, "$", "application/ld+json", "[]", "");
    refused(
        422,
        "itemListElement",
        "application/ld+json",
        "{\"@type\": \"ItemList\", \"itemListElement\": {}}",
        "");
  }

  @Test
  void moreThanTenThousandCoursesAreTooLarge() throws Exception {
    String course = "{\"@type\": \"Course\"}";
    refused(
        413,
        "$",
        "application/ld+json",
        "[" + String.join(",", Collections.nCopies(10_001, course)) + "]",
        "");
  }

  @Test
  void anUnknownProviderParameterRefusesTheWholeFeed() throws Exception {
    refused(
        422, "provider", "application/ld+json", feed, "?provider=" + java.util.UUID.randomUUID());
    refused(422, "provider", "application/ld+json", feed, "?provider=vhs");
  }

  @Test
  void onlyEditorsAndAdminsImport() throws Exception {
    long before = FeedFixtures.offerCount();
    FeedFixtures.post(null, "application/ld+json", feed, "")
        .statusCode(401)
        .contentType("application/problem+json");
    FeedFixtures.post(Tokens.forUser("citizen1"), "application/ld+json", feed, "")
        .statusCode(403)
        .contentType("application/problem+json");
    FeedFixtures.post(Tokens.forPartner("partner-vhs"), "application/ld+json", feed, "")
        .statusCode(403)
        .contentType("application/problem+json");
    FeedFixtures.post(Tokens.forUser("counselor1"), "application/ld+json", feed, "")
        .statusCode(403);
    assertEquals(before, FeedFixtures.offerCount());
  }

  @Test
  void aFeedIsSentNotFetched() throws Exception {
    // A body that is only an address is not a feed: the service never fetches what callers name.
    refused(422, "$", "application/json", "\"https://portal.example/feed.jsonld\"", "");
    FeedFixtures.post(Tokens.forUser("editor1"), "text/plain", "https://portal.example/feed", "")
        .statusCode(415)
        .contentType("application/problem+json");
  }
}

package org.lernstadt.catalogue.provider;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.asCommand;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.at;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.editor;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.post;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.provider;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.put;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.register;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.unique;
import static org.lernstadt.catalogue.provider.ProviderTopic.body;
import static org.lernstadt.catalogue.provider.ProviderTopic.header;
import static org.lernstadt.catalogue.provider.ProviderTopic.recordsOf;
import static org.lernstadt.catalogue.provider.ProviderTopic.types;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.provider.CatalogueFixtures.Square;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Each change of a provider or partnership produces exactly the expected CloudEvent on {@code
 * catalogue.providers.v1}, keyed by its aggregate, without personal data.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ProviderEventsTest {

  private static final String REGISTERED = "org.lernstadt.catalogue.provider.registered.v1";
  private static final String UPDATED = "org.lernstadt.catalogue.provider.updated.v1";
  private static final String FORMED = "org.lernstadt.catalogue.partnership.formed.v1";
  private static final String ENDED = "org.lernstadt.catalogue.partnership.ended.v1";

  @Test
  void registrationAndEachRealChangePublishOneEventEach() {
    Square square = CatalogueFixtures.district();
    String key = unique("events");
    Map<String, Object> registration = provider(key);
    registration.put("location", at(square.inside()));
    String id = register(registration);

    Map<String, Object> change = asCommand(given().get("/v1/providers/" + id).path(""));
    change.put("name", "Volkshochschule Nord");
    change.put("location", at(square.outside()));
    put("/v1/providers/" + id, editor(), "\"0\"", change).then().statusCode(200);
    // Unchanged content: no event.
    put("/v1/providers/" + id, editor(), "\"1\"", change).then().statusCode(200);
    // A refused change: no event.
    put("/v1/providers/" + id, editor(), "\"0\"", change).then().statusCode(412);
    change.put("accessibility", List.of("BRAILLE"));
    put("/v1/providers/" + id, editor(), "\"1\"", change).then().statusCode(200);

    List<ConsumerRecord<String, String>> records = recordsOf(id, UPDATED, 2);
    assertEquals(List.of(REGISTERED, UPDATED, UPDATED), types(records));
    assertEquals(1, ProviderTopic.committed(id, REGISTERED));
    assertEquals(2, ProviderTopic.committed(id, UPDATED));

    for (ConsumerRecord<String, String> record : records) {
      assertEquals(id, record.key(), "key is the provider id");
      assertEquals("1.0", header(record, "ce_specversion"));
      assertEquals("/lernstadt/catalogue-service", header(record, "ce_source"));
      assertEquals(id, header(record, "ce_subject"));
      assertNotNull(UUID.fromString(header(record, "ce_id")));
      assertNotNull(OffsetDateTime.parse(header(record, "ce_time")));
      assertTrue(header(record, "content-type").startsWith("application/json"));
      assertFalse(record.value().contains("@" + key), "no e-mail address in " + record.value());
      assertFalse(record.value().contains("+49 351"), "no phone number in " + record.value());
      assertFalse(record.value().contains("Am Markt"), "no address in " + record.value());
    }

    JsonNode registered = body(records.get(0));
    assertEquals(id, registered.get("providerId").asText());
    assertEquals(key, registered.get("key").asText());
    assertEquals("ADULT_EDUCATION_CENTRE", registered.get("kind").asText());
    assertEquals(square.code(), registered.get("districtCode").asText());
    assertEquals(0, registered.get("version").asInt());

    JsonNode moved = body(records.get(1));
    assertEquals(List.of("name", "location", "district"), texts(moved.get("changedFields")));
    assertTrue(moved.get("districtCode").isNull());
    assertEquals(square.code(), moved.get("previousDistrictCode").asText());
    assertEquals(1, moved.get("version").asInt());

    JsonNode accessibility = body(records.get(2));
    assertEquals(List.of("accessibility"), texts(accessibility.get("changedFields")));
    assertEquals(List.of("BRAILLE"), texts(accessibility.get("accessibility")));
    assertEquals(2, accessibility.get("version").asInt());
  }

  @Test
  void formingAndEndingAPartnershipPublishOneEventEachKeyedByThePartnership() {
    Square square = CatalogueFixtures.district();
    String school = CatalogueFixtures.registerProvider("SCHOOL", square.inside());
    String club = CatalogueFixtures.registerProvider("CLUB", null);
    String id =
        post(
                "/v1/partnerships",
                editor(),
                Map.of("providerA", school, "providerB", club, "kind", "NETWORK_MEMBERSHIP"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given().auth().oauth2(editor()).delete("/v1/partnerships/" + id).then().statusCode(204);
    given().auth().oauth2(editor()).delete("/v1/partnerships/" + id).then().statusCode(204);

    List<ConsumerRecord<String, String>> records = recordsOf(id, ENDED);
    assertEquals(List.of(FORMED, ENDED), types(records));
    for (ConsumerRecord<String, String> record : records) {
      assertEquals(id, header(record, "ce_subject"));
      assertEquals("1.0", header(record, "ce_specversion"));
    }
    JsonNode formed = body(records.get(0));
    assertEquals("NETWORK_MEMBERSHIP", formed.get("kind").asText());
    assertEquals(school, formed.get("providers").get(0).get("providerId").asText());
    assertEquals("SCHOOL", formed.get("providers").get(0).get("kind").asText());
    assertEquals(square.code(), formed.get("providers").get(0).get("districtCode").asText());
    assertEquals(club, formed.get("providers").get(1).get("providerId").asText());
    assertEquals(List.of(square.code()), texts(formed.get("districtCodes")));
    JsonNode ended = body(records.get(1));
    assertNotNull(ended.get("endedOn").asText());
    assertEquals(formed.get("since").asText(), ended.get("since").asText());

    // Ending twice committed (and so published) one event.
    assertEquals(1, ProviderTopic.committed(id, FORMED));
    assertEquals(1, ProviderTopic.committed(id, ENDED));
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}

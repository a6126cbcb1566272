package org.lernstadt.counseling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** The AsyncAPI document names every event type that has a schema, and the schemas are served. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class AsyncApiTest {

  @Test
  void documentsEveryEventTypeWithItsSchema() throws Exception {
    List<String> types;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/events/schemas"))) {
      types = files.map(f -> f.getFileName().toString().replace(".json", "")).toList();
    }
    assertTrue(types.size() >= 11, types.toString());
    String doc =
        given()
            .get("/asyncapi.yaml")
            .then()
            .statusCode(200)
            .body(containsString("asyncapi: 3.0.0"))
            .extract()
            .asString();
    for (String type : types) {
      assertTrue(doc.contains("name: " + type), type);
      given()
          .get("/events/schemas/" + type + ".json")
          .then()
          .statusCode(200)
          .body(containsString("\"$schema\""));
    }
  }
}

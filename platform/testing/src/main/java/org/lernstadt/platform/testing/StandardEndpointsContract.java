package org.lernstadt.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.servers.PostgresServer;

/**
 * What every Lernstadt service answers the same way: health, its OpenAPI document, metrics, problem
 * details for unknown paths, and (for services with a database) the platform tables migrated by
 * Flyway. A service's test extends this class and names its API and database.
 */
public abstract class StandardEndpointsContract {

  private final String apiTitle;
  private final String database;

  /**
   * @param apiTitle the title of the service's OpenAPI document
   * @param database the service's database, or {@code null} for a service without one
   */
  protected StandardEndpointsContract(String apiTitle, String database) {
    this.apiTitle = apiTitle;
    this.database = database;
  }

  @Test
  void isLiveAndReady() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void publishesItsOpenApiDocument() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("info.title", equalTo(apiTitle));
  }

  @Test
  void exposesPrometheusMetrics() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void answersUnknownPathsWithProblemDetails() {
    given()
        .get("/v1/no-such-resource")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void hasThePlatformTablesMigrated() throws SQLException {
    Assumptions.assumeTrue(database != null, "service has no database");
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from information_schema.tables"
                        + " where table_name in ('outbox_event', 'inbox_message')")) {
      rs.next();
      assertEquals(2, rs.getInt(1));
    }
  }
}

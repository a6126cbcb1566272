package org.lernstadt.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lernstadt.platform.servers.KeycloakServer;

/** A Keycloak on a persistent database: imported once, kept across restarts, stopped for good. */
class KeycloakServerTest {

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path data;

  @Test
  void persistentServerImportsOnceAndStopsCleanly() throws Exception {
    String url;
    try (KeycloakServer first = KeycloakServer.startOrConnect(data, 0)) {
      url = first.url();
      assertEquals(url + "/realms/lernstadt", first.realmUrl());
      assertEquals(first.realmUrl() + "/protocol/openid-connect/token", first.tokenUrl());
      assertEquals(200, discovery(first.realmUrl()));
      assertTrue(Files.exists(data.resolve("data/h2/keycloakdb.mv.db")));
      assertTrue(
          Files.readString(data.resolve("keycloak.log")).contains("Realm 'lernstadt' imported"));
    }
    assertThrows(IOException.class, () -> discovery(url + "/realms/lernstadt"), "stopped");

    try (KeycloakServer second = KeycloakServer.startOrConnect(data, 0)) {
      assertEquals(200, discovery(second.realmUrl()));
      String log = Files.readString(data.resolve("keycloak.log"));
      assertFalse(log.contains("Realm 'lernstadt' imported"), "no second import");
      String token =
          RestAssured.given()
              .formParam("grant_type", "password")
              .formParam("client_id", "lernstadt-cli")
              .formParam("username", "citizen1")
              .formParam("password", "demo")
              .post(second.tokenUrl())
              .then()
              .statusCode(200)
              .extract()
              .path("access_token");
      assertEquals("citizen1", Tokens.claims(token).path("preferred_username").asText());
    }
  }

  static int discovery(String realmUrl) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}

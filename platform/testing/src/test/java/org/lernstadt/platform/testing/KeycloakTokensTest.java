package org.lernstadt.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lernstadt.platform.servers.KeycloakServer;

/** The realm export against a real Keycloak: users, roles, audiences and partner claims. */
class KeycloakTokensTest {

  static final Set<String> APP_ROLES =
      Set.of(
          "citizen",
          "partner",
          "editor",
          "counselor",
          "counseling-lead",
          "moderator",
          "analyst",
          "dpo",
          "admin");

  static final Set<String> AUDIENCES =
      Set.of(
          "catalogue-service",
          "counseling-service",
          "participation-service",
          "monitoring-service",
          "gateway");

  static KeycloakServer server;

  @BeforeAll
  static void startKeycloak() {
    server = KeycloakTestResource.server();
  }

  static Stream<Arguments> demoUsers() {
    return Stream.of(
        Arguments.of("citizen1", "00000000-0000-4000-8000-000000000101", Set.of("citizen")),
        Arguments.of("citizen2", "00000000-0000-4000-8000-000000000102", Set.of("citizen")),
        Arguments.of("counselor1", "00000000-0000-4000-8000-000000000201", Set.of("counselor")),
        Arguments.of("counselor2", "00000000-0000-4000-8000-000000000202", Set.of("counselor")),
        Arguments.of(
            "lead1",
            "00000000-0000-4000-8000-000000000203",
            Set.of("counseling-lead", "counselor")),
        Arguments.of("moderator1", "00000000-0000-4000-8000-000000000301", Set.of("moderator")),
        Arguments.of("editor1", "00000000-0000-4000-8000-000000000401", Set.of("editor")),
        Arguments.of("analyst1", "00000000-0000-4000-8000-000000000501", Set.of("analyst")),
        Arguments.of("dpo1", "00000000-0000-4000-8000-000000000601", Set.of("dpo")),
        Arguments.of("admin1", "00000000-0000-4000-8000-000000000701", Set.of("admin")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoUsers")
  void demoUserTokenHasFixedIdRolesAndAllAudiences(String username, String id, Set<String> roles) {
    JsonNode claims = Tokens.claims(Tokens.forUser(username));

    assertEquals(server.realmUrl(), claims.path("iss").asText());
    assertEquals(id, claims.path("sub").asText(), "fixed user id, as in the README");
    assertEquals(username, claims.path("preferred_username").asText());
    assertEquals("lernstadt-cli", claims.path("azp").asText());
    assertEquals(roles, appRoles(claims));
    assertTrue(audiences(claims).containsAll(AUDIENCES), () -> "aud: " + claims.path("aud"));
    assertFalse(claims.has("provider_id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partners")
  void partnerTokenCarriesProviderAndOnlyItsAudiences(String clientId, String providerId) {
    JsonNode claims = Tokens.claims(Tokens.forPartner(clientId));

    assertEquals(server.realmUrl(), claims.path("iss").asText());
    assertEquals(clientId, claims.path("azp").asText());
    assertEquals(providerId, claims.path("provider_id").asText());
    assertTrue(claims.path("provider_id").isTextual());
    assertEquals(Set.of("partner"), appRoles(claims));
    Set<String> aud = audiences(claims);
    // Its offers in the catalogue, and the referrals to them in counselling (consented fields
    // only).
    assertTrue(
        aud.containsAll(Set.of("catalogue-service", "counseling-service", "gateway")),
        () -> "aud: " + aud);
    for (String other : List.of("participation-service", "monitoring-service")) {
      assertFalse(aud.contains(other), () -> "a partner token must not be for " + other);
    }
  }

  static Stream<Arguments> partners() {
    return Stream.of(
        Arguments.of("partner-vhs", "vhs-demo"), Arguments.of("partner-library", "library-demo"));
  }

  @Test
  void analystFeedTokenIsForMonitoringOnly() {
    JsonNode claims = Tokens.claims(Tokens.forClient("analyst-feed", "analyst-feed-secret"));

    assertEquals(server.realmUrl(), claims.path("iss").asText());
    assertEquals("analyst-feed", claims.path("azp").asText());
    assertEquals(Set.of("analyst"), appRoles(claims));
    Set<String> aud = audiences(claims);
    assertTrue(aud.containsAll(Set.of("monitoring-service", "gateway")), () -> "aud: " + aud);
    for (String other :
        List.of("catalogue-service", "counseling-service", "participation-service")) {
      assertFalse(aud.contains(other), () -> "an analyst-feed token must not be for " + other);
    }
    assertFalse(claims.has("provider_id"));
  }

  @Test
  void accessTokensLiveFiveMinutes() {
    JsonNode claims = Tokens.claims(Tokens.forUser("citizen1"));
    assertEquals(300, claims.path("exp").asLong() - claims.path("iat").asLong());
  }

  @Test
  void tokensAreCachedPerUser() {
    assertSame(Tokens.forUser("citizen2"), Tokens.forUser("citizen2"));
    assertNotEquals(Tokens.forUser("citizen1"), Tokens.forUser("citizen2"));
  }

  @Test
  void wrongPasswordIsRefused() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Tokens.forUser("citizen1", "wrong"));
    assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
    assertTrue(e.getMessage().contains("invalid_grant"), e.getMessage());
  }

  @Test
  void wrongClientSecretIsRefused() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> Tokens.forClient("partner-vhs", "not-the-secret"));
    assertTrue(e.getMessage().contains("unauthorized_client"), e.getMessage());
  }

  @Test
  void onlyTheCliClientTakesPasswords() {
    for (String client : List.of("partner-vhs", "lernstadt-portal")) {
      Response response =
          RestAssured.given()
              .formParams(
                  Map.of(
                      "grant_type", "password",
                      "client_id", client,
                      "client_secret", client + "-secret",
                      "username", "citizen1",
                      "password", "demo"))
              .post(Tokens.tokenUrl());
      assertEquals(4, response.statusCode() / 100, () -> client + ": " + response.asString());
      assertFalse(response.asString().contains("access_token"), client);
    }
  }

  @Test
  void unknownPartnerIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Tokens.forPartner("partner-unknown"));
  }

  static Set<String> appRoles(JsonNode claims) {
    Set<String> roles = new HashSet<>();
    claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
    roles.retainAll(APP_ROLES);
    return roles;
  }

  static Set<String> audiences(JsonNode claims) {
    Set<String> aud = new HashSet<>();
    JsonNode node = claims.path("aud");
    if (node.isArray()) {
      node.forEach(a -> aud.add(a.asText()));
    } else if (node.isTextual()) {
      aud.add(node.asText());
    }
    return aud;
  }
}

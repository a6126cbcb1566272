package org.lernstadt.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.lernstadt.platform.servers.KeycloakServer;

/**
 * Access tokens of the demo realm {@code lernstadt} for tests, from the Keycloak of {@link
 * KeycloakTestResource} (started on first use if no test resource did so yet). Each token is cached
 * until shortly before it expires, so tests may ask for one per request.
 *
 * <p>Demo users (password {@value #DEMO_PASSWORD}): citizen1, citizen2, counselor1, counselor2,
 * lead1, moderator1, editor1, analyst1, dpo1, admin1. Partner clients: partner-vhs,
 * partner-library. Analyst client: analyst-feed. See deploy/keycloak/README.md.
 */
public final class Tokens {

  /** The public client with the password grant; for the local demo and tests only. */
  public static final String CLI_CLIENT = "lernstadt-cli";

  /** The password of every demo user; a local demo value only. */
  public static final String DEMO_PASSWORD = "demo";

  /** Client secrets of the demo realm's partner clients; local demo values only. */
  private static final Map<String, String> PARTNER_SECRETS =
      Map.of(
          "partner-vhs", "partner-vhs-secret",
          "partner-library", "partner-library-secret");

  /** A token is handed out only while it has at least this much life left. */
  private static final Duration MIN_REMAINING = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

  private static volatile String tokenUrl;

  private Tokens() {}

  /** Gets tokens from this server from now on (done by {@link KeycloakTestResource}). */
  public static void useServer(KeycloakServer server) {
    useTokenUrl(server.tokenUrl());
  }

  /** Gets tokens from this token endpoint from now on. */
  public static synchronized void useTokenUrl(String url) {
    if (!url.equals(tokenUrl)) {
      CACHE.clear();
      tokenUrl = url;
    }
  }

  /** The token endpoint in use; starts the test JVM's Keycloak if none is known yet. */
  public static String tokenUrl() {
    String url = tokenUrl;
    if (url == null) {
      KeycloakTestResource.server();
      url = tokenUrl;
    }
    return url;
  }

  /** A token of a demo user, by the password grant through {@value #CLI_CLIENT}. */
  public static String forUser(String username) {
    return forUser(username, DEMO_PASSWORD);
  }

  /** A token of a user with the given password, by the password grant; fails if refused. */
  public static String forUser(String username, String password) {
    return cached(
        "user " + username + " " + password.hashCode(),
        "user '" + username + "' via client " + CLI_CLIENT,
        form(
            "grant_type", "password",
            "client_id", CLI_CLIENT,
            "username", username,
            "password", password));
  }

  /** A token of a confidential client, by the client credentials grant; fails if refused. */
  public static String forClient(String clientId, String secret) {
    return cached(
        "client " + clientId + " " + secret.hashCode(),
        "client '" + clientId + "' (client credentials)",
        form(
            "grant_type", "client_credentials",
            "client_id", clientId,
            "client_secret", secret));
  }

  /** A token of a demo partner client ({@code partner-vhs} or {@code partner-library}). */
  public static String forPartner(String clientId) {
    String secret = PARTNER_SECRETS.get(clientId);
    if (secret == null) {
      throw new IllegalArgumentException(
          "No demo partner client '" + clientId + "'; known: " + PARTNER_SECRETS.keySet());
    }
    return forClient(clientId, secret);
  }

  /** The payload of a JWT, decoded but not verified: for asserting on claims in tests. */
  public static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      throw new IllegalArgumentException("Not a JWT: " + abbreviate(jwt));
    }
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a JWT payload: " + abbreviate(jwt), e);
    }
  }

  /** Forgets all cached tokens. */
  public static void clearCache() {
    CACHE.clear();
  }

  private static String cached(String key, String who, String form) {
    Cached hit = CACHE.get(key);
    if (hit != null && Instant.now().plus(MIN_REMAINING).isBefore(hit.expires())) {
      return hit.token();
    }
    Cached fresh = request(who, form);
    CACHE.put(key, fresh);
    return fresh.token();
  }

  private static Cached request(String who, String form) {
    String url = tokenUrl();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    Instant sent = Instant.now();
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Token request for " + who + " to " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Token request for " + who + " was interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Token request for "
              + who
              + " to "
              + url
              + " was refused: HTTP "
              + response.statusCode()
              + " "
              + abbreviate(response.body()));
    }
    try {
      JsonNode body = JSON.readTree(response.body());
      String token = body.path("access_token").asText(null);
      if (token == null) {
        throw new IllegalStateException(
            "Token response for " + who + " has no access_token: " + abbreviate(response.body()));
      }
      long lifetime = body.path("expires_in").asLong(60);
      return new Cached(token, sent.plusSeconds(lifetime));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Token response for " + who + " is not JSON: " + abbreviate(response.body()), e);
    }
  }

  private static String form(String... keysAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      fields.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500) + "...";
  }

  private record Cached(String token, Instant expires) {}
}

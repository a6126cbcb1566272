package org.lernstadt.platform.testing.attack;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tokens that must not open a protected endpoint, each next to a real token that does (so every
 * refusal is the token's fault, not the endpoint's). A service's test extends this class and names
 * a protected GET endpoint, the realm token that may read it, and a realm token whose audience does
 * not include the service.
 */
public abstract class ForgedTokensContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final String audience;
  private final Supplier<String> path;
  private final Supplier<String> validToken;
  private final Supplier<String> otherAudienceToken;

  /**
   * @param audience the audience this service requires, e.g. {@code catalogue-service}
   * @param path a GET endpoint (asked for when a test runs, so it may name fixtures) that answers
   *     2xx to {@code validToken} and 401 without a token
   * @param validToken a real token allowed on the path
   * @param otherAudienceToken a real token of the realm whose audience excludes this service
   */
  protected ForgedTokensContract(
      String audience,
      Supplier<String> path,
      Supplier<String> validToken,
      Supplier<String> otherAudienceToken) {
    this.audience = audience;
    this.path = path;
    this.validToken = validToken;
    this.otherAudienceToken = otherAudienceToken;
  }

  @Test
  void theRealTokenOpensTheEndpoint() {
    Response response = call(validToken.get());
    assertEquals(2, response.statusCode() / 100, response::asString);
  }

  @Test
  void noTokenIsRefused() {
    assertUnauthorized(call(null));
  }

  /** Proves the signature is checked at all: one changed byte of it and the token is void. */
  @Test
  void aTokenWithAnAlteredSignatureIsRefused() {
    String[] parts = validToken.get().split("\\.");
    byte[] signature = DECODE.decode(parts[2]);
    signature[signature.length / 2] ^= 0x01;
    assertUnauthorized(call(parts[0] + "." + parts[1] + "." + B64.encodeToString(signature)));
  }

  /** Proves the signature covers the claims: granting oneself the admin role voids the token. */
  @Test
  void aTokenWithAlteredClaimsIsRefused() {
    String[] parts = validToken.get().split("\\.");
    ObjectNode claims = (ObjectNode) readJson(parts[1]);
    ArrayNode roles = claims.putObject("realm_access").putArray("roles");
    roles.add("admin").add("dpo").add("counseling-lead").add("partner");
    assertUnauthorized(call(parts[0] + "." + encode(claims) + "." + parts[2]));
  }

  /** Proves that "alg: none" is not accepted as a way around the signature. */
  @Test
  void anUnsignedTokenIsRefused() {
    String[] parts = validToken.get().split("\\.");
    ObjectNode header = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
    assertUnauthorized(call(encode(header) + "." + parts[1] + "."));
  }

  /**
   * A token with the real claims and key id but signed with a key the realm never had. Proves that
   * only the realm's published keys are trusted.
   */
  @Test
  void aTokenSignedWithAnotherKeyIsRefused() {
    assertUnauthorized(call(resigned(Instant.now().plusSeconds(300))));
  }

  /**
   * An expired token. The realm issues tokens for five minutes, too long to wait for in a test, so
   * this one is built from real claims with {@code exp} an hour ago and signed with a fresh key:
   * the refusal proves that such a token is void, not by itself which of the two checks refused it
   * (the test above shows that a foreign key alone is refused).
   */
  @Test
  void anExpiredTokenIsRefused() {
    assertUnauthorized(call(resigned(Instant.now().minusSeconds(3600))));
  }

  /** Proves the audience is checked: a real, validly signed token for other services is refused. */
  @Test
  void aTokenForAnotherAudienceIsRefused() {
    String token = otherAudienceToken.get();
    assertTrue(audience(validToken.get()).contains(audience), "the valid token names " + audience);
    assertFalse(audience(token).contains(audience), "the other token must not name " + audience);
    assertUnauthorized(call(token));
  }

  private static List<String> audience(String token) {
    JsonNode aud = readJson(token.split("\\.")[1]).path("aud");
    List<String> names = new ArrayList<>();
    if (aud.isTextual()) {
      names.add(aud.asText());
    }
    aud.forEach(name -> names.add(name.asText()));
    return names;
  }

  private String resigned(Instant expiry) {
    String[] parts = validToken.get().split("\\.");
    ObjectNode claims = (ObjectNode) readJson(parts[1]);
    claims.put("exp", expiry.getEpochSecond());
    claims.put("iat", expiry.minusSeconds(300).getEpochSecond());
    String signingInput = parts[0] + "." + encode(claims);
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(pair.getPrivate());
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Response call(String token) {
    var request = given();
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request.get(path.get());
  }

  private static void assertUnauthorized(Response response) {
    assertEquals(401, response.statusCode(), response::asString);
    assertEquals("application/problem+json", response.contentType().split(";")[0]);
  }

  private static JsonNode readJson(String base64) {
    try {
      return JSON.readTree(DECODE.decode(base64));
    } catch (java.io.IOException e) {
      throw new AssertionError("not a JWT part", e);
    }
  }

  private static String encode(JsonNode node) {
    try {
      return B64.encodeToString(JSON.writeValueAsBytes(node));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

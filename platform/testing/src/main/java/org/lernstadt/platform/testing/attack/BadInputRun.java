package org.lernstadt.platform.testing.attack;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lernstadt.platform.testing.attack.BadInput.Attempt;
import org.lernstadt.platform.testing.attack.BadInput.Expect;
import org.lernstadt.platform.testing.attack.OpenApiDocument.Operation;

/**
 * Sends {@link BadInput} to every write endpoint of the service under test that takes a JSON body,
 * with the token of the first role its {@link AuthorizationMatrix} allows and the path parameters
 * of the test's fixtures, and records what went wrong: a 5xx, a refusal without problem details, or
 * an attempt that had to be refused but was accepted.
 */
public final class BadInputRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Raw bytes exactly as generated, whatever the content type. */
  private static final RestAssuredConfig RAW =
      RestAssuredConfig.config()
          .encoderConfig(
              EncoderConfig.encoderConfig()
                  .appendDefaultContentCharsetToContentTypeIfUndefined(false));

  /** Requests sent, 5xx answers seen and the descriptions of the failures. */
  public record Result(int tried, int serverErrors, int accepted, List<String> failures) {
    @Override
    public String toString() {
      return tried + " requests tried, " + serverErrors + " 5xx seen, " + accepted + " accepted";
    }
  }

  private final OpenApiDocument api;
  private final AuthorizationMatrix matrix;
  private final PathParams params;
  private final Map<String, JsonNode> examples = new HashMap<>();
  private final Map<String, Map<String, String>> headers = new HashMap<>();
  private final Map<Expect, List<Target>> targets = new LinkedHashMap<>();

  private record Target(Operation operation, String path, String token, Attempt attempt) {}

  public BadInputRun(AuthorizationMatrix matrix, PathParams params) {
    this.api = OpenApiDocument.fetch();
    this.matrix = matrix;
    this.params = params;
  }

  /**
   * A valid body for the operation ({@code "POST /v1/offers"}): JSON text or an object to write as
   * JSON. Field attacks then start from a body the service accepts, so hostile values reach
   * storage.
   */
  public BadInputRun example(String operation, Object body) {
    try {
      examples.put(
          operation, body instanceof String json ? JSON.readTree(json) : JSON.valueToTree(body));
    } catch (IOException e) {
      throw new IllegalArgumentException(String.valueOf(body), e);
    }
    return this;
  }

  /** A header every attempt on the operation carries (e.g. {@code If-Match}). */
  public BadInputRun header(String operation, String name, String value) {
    headers.computeIfAbsent(operation, o -> new LinkedHashMap<>()).put(name, value);
    return this;
  }

  /** Generates the attempts for every write endpoint with a JSON body, from the seed. */
  public BadInputRun generate(long seed) {
    BadInput generator = new BadInput(api, seed);
    for (Operation op : api.operations()) {
      JsonNode schema = op.jsonBodySchema();
      if (schema == null) {
        continue;
      }
      Role role = matrix.firstAllowed(op.key());
      if (role == null) {
        throw new AssertionError(
            "No role may call " + op.key() + " by the matrix: nothing to send");
      }
      String path = params.fill(op.path());
      for (Attempt attempt : generator.attempts(schema, examples.get(op.key()))) {
        targets
            .computeIfAbsent(attempt.expect(), e -> new ArrayList<>())
            .add(new Target(op, path, role.token(), attempt));
      }
    }
    return this;
  }

  /** Sends the generated attempts with this expectation. */
  public Result send(Expect expect) {
    int tried = 0;
    int serverErrors = 0;
    int accepted = 0;
    List<String> failures = new ArrayList<>();
    for (Target target : targets.getOrDefault(expect, List.of())) {
      Response response = send(target);
      tried++;
      int status = response.statusCode();
      String what = target.operation().key() + " [" + target.attempt().label() + "]: " + status;
      if (status >= 500) {
        serverErrors++;
        failures.add(what + " " + abbreviate(response.asString()));
      } else if (status >= 400) {
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
          failures.add(what + " without problem details (" + type + ")");
        }
      } else {
        accepted++;
        if (expect == Expect.REFUSED) {
          failures.add(what + " accepted");
        }
      }
    }
    return new Result(tried, serverErrors, accepted, failures);
  }

  private Response send(Target target) {
    String key = target.operation().key();
    String type = target.attempt().contentType();
    RequestSpecification request =
        given()
            .config(RAW)
            .contentType(type == null ? "application/json" : type)
            .body(target.attempt().body());
    if (target.token() != null) {
      request = request.auth().oauth2(target.token());
    }
    for (var header : headers.getOrDefault(key, Map.of()).entrySet()) {
      request = request.header(header.getKey(), header.getValue());
    }
    return request.request(target.operation().method(), target.path());
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}

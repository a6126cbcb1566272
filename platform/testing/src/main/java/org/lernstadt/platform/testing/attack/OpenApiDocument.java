package org.lernstadt.platform.testing.attack;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running service's own OpenAPI document ({@code /q/openapi?format=json}): the list of its
 * operations and their request body schemas. Tests derive their coverage from it, so an endpoint
 * added later is noticed.
 */
public final class OpenApiDocument {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

  /** One operation: method in upper case and path template as the document writes it. */
  public record Operation(String method, String path, JsonNode node) {

    public String key() {
      return method + " " + path;
    }

    /** The JSON request body schema, or null if the operation takes no JSON body. */
    public JsonNode jsonBodySchema() {
      JsonNode content = node.path("requestBody").path("content");
      for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> media = it.next();
        if (media.getKey().contains("json")) {
          return media.getValue().path("schema");
        }
      }
      return null;
    }

    /** The media type of the request body as declared (JSON if among several), or null. */
    public String bodyMediaType() {
      List<String> types = new ArrayList<>();
      node.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
      if (types.isEmpty()) {
        return null;
      }
      return types.contains("application/json") ? "application/json" : types.get(0);
    }
  }

  private final JsonNode root;

  private OpenApiDocument(JsonNode root) {
    this.root = root;
  }

  /** Fetches the document of the service under test (RestAssured's base URI and port). */
  public static OpenApiDocument fetch() {
    String body =
        given()
            .accept("application/json")
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    try {
      return new OpenApiDocument(JSON.readTree(body));
    } catch (IOException e) {
      throw new AssertionError("OpenAPI document is not JSON", e);
    }
  }

  public List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    root.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          if (METHODS.contains(op.getKey())) {
                            operations.add(
                                new Operation(
                                    op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                          }
                        }));
    return operations;
  }

  /** The schema a {@code $ref} points to (only local {@code #/components/...} references). */
  public JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; hops < 20 && current != null && current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        return current;
      }
      JsonNode target = root;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part.replace("~1", "/").replace("~0", "~"));
      }
      current = target;
    }
    return current;
  }
}

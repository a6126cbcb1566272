package org.lernstadt.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.lernstadt.gateway.GatewayConfig;
import org.lernstadt.gateway.routing.DownstreamException;
import org.lernstadt.gateway.routing.Downstreams;

/**
 * One OpenAPI document for the platform: the gateway's own operations, and every service's {@code
 * /v1} operations under the route prefix that reaches them through the gateway. A service's
 * components are renamed {@code <service>.<name>} so equal names of different services cannot
 * collide; its operations are tagged with the service's name.
 */
@ApplicationScoped
public class PlatformOpenApi {

  /** Where a service serves its AsyncAPI document (routed through the gateway as well). */
  public static final String ASYNCAPI = "/asyncapi.yaml";

  private final Downstreams downstreams;
  private final GatewayConfig config;
  private final ObjectMapper json;

  PlatformOpenApi(Downstreams downstreams, GatewayConfig config, ObjectMapper json) {
    this.downstreams = downstreams;
    this.config = config;
    this.json = json;
  }

  /**
   * Merges the services' documents into the gateway's own. A service that does not answer is listed
   * under {@code x-missing-services} instead.
   */
  public Uni<ObjectNode> merge(byte[] gatewayDocument) {
    ObjectNode merged = (ObjectNode) read(gatewayDocument);
    List<Uni<ServiceDocument>> services =
        config.serviceNames().stream().map(this::documentOf).toList();
    return Uni.join()
        .all(services)
        .andFailFast()
        .map(
            documents -> {
              ArrayNode missing = merged.putArray("x-missing-services");
              for (ServiceDocument document : documents) {
                if (document.openApi() == null) {
                  missing.add(document.service());
                } else {
                  include(merged, document);
                }
              }
              return merged;
            });
  }

  /** A service's OpenAPI document (null when it did not answer) and whether it has AsyncAPI. */
  private record ServiceDocument(String service, JsonNode openApi, boolean asyncApi) {}

  private Uni<ServiceDocument> documentOf(String service) {
    Uni<JsonNode> openApi =
        downstreams
            .get(service, "/q/openapi?format=json", null)
            .map(response -> response.successful() ? read(response.body().getBytes()) : null)
            .onFailure()
            .recoverWithNull();
    Uni<Boolean> asyncApi =
        downstreams
            .get(service, ASYNCAPI, null)
            .map(response -> response.successful())
            .onFailure()
            .recoverWithItem(false);
    return Uni.combine()
        .all()
        .unis(openApi, asyncApi)
        .with((document, hasAsyncApi) -> new ServiceDocument(service, document, hasAsyncApi));
  }

  private void include(ObjectNode merged, ServiceDocument serviceDocument) {
    String service = serviceDocument.service();
    JsonNode document = serviceDocument.openApi();
    String prefix = service + ".";
    renameReferences(document, prefix);
    ObjectNode paths = merged.with("paths");
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              if (path.getKey().startsWith("/v1")) {
                paths.set("/" + service + path.getKey(), tagged(path.getValue(), service));
              }
            });
    ObjectNode components = merged.with("components");
    document
        .path("components")
        .fields()
        .forEachRemaining(
            kind -> {
              ObjectNode target = components.with(kind.getKey());
              boolean shared = kind.getKey().equals("securitySchemes");
              kind.getValue()
                  .fields()
                  .forEachRemaining(
                      component -> {
                        String name = shared ? component.getKey() : prefix + component.getKey();
                        if (!target.has(name)) {
                          target.set(name, component.getValue());
                        }
                      });
            });
    if (serviceDocument.asyncApi()) {
      ObjectNode link = merged.with("info").withArray("x-asyncapi").addObject();
      link.put("service", service);
      link.put("url", "/" + service + ASYNCAPI);
    }
  }

  private static JsonNode tagged(JsonNode pathItem, String service) {
    pathItem
        .fields()
        .forEachRemaining(
            operation -> {
              if (operation.getValue() instanceof ObjectNode op && op.has("responses")) {
                ArrayNode tags = op.putArray("tags");
                tags.add(service);
              }
            });
    return pathItem;
  }

  /** Points every {@code $ref} to a component at the component's new name. */
  private static void renameReferences(JsonNode node, String prefix) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
        String[] parts = ref.asText().split("/", 4);
        if (parts.length == 4 && !parts[2].equals("securitySchemes")) {
          object.put("$ref", "#/components/" + parts[2] + "/" + prefix + parts[3]);
        }
      }
      for (Iterator<JsonNode> values = object.elements(); values.hasNext(); ) {
        renameReferences(values.next(), prefix);
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> renameReferences(element, prefix));
    }
  }

  private JsonNode read(byte[] document) {
    try {
      return json.readTree(document);
    } catch (IOException e) {
      throw new DownstreamException("an OpenAPI document is not JSON", e);
    }
  }
}

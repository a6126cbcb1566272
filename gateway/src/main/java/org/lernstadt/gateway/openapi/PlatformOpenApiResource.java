package org.lernstadt.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's whole API in one OpenAPI document; Swagger UI shows it first. */
@Path("/openapi")
@PermitAll
@Tag(name = "API description")
public class PlatformOpenApiResource {

  private final PlatformOpenApi platform;
  private final WebClient self;

  PlatformOpenApiResource(PlatformOpenApi platform, Vertx vertx) {
    this.platform = platform;
    this.self = WebClient.create(vertx);
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The OpenAPI document of the gateway and every service behind it")
  public Uni<ObjectNode> document(HttpServerRequest request) {
    // The gateway's own document, read where this request arrived (the port is the real one).
    return self.get(request.localAddress().port(), "127.0.0.1", "/q/openapi?format=json")
        .send()
        .chain(own -> platform.merge(own.bodyAsBuffer().getBytes()));
  }
}

package org.lernstadt.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.lernstadt.platform.web.Problem;

/** Writes RFC 9457 problem details on the gateway's own (non-JAX-RS) routes. */
@ApplicationScoped
public class ProblemWriter {

  private final ObjectMapper json;

  ProblemWriter(ObjectMapper json) {
    this.json = json;
  }

  public void write(RoutingContext ctx, Problem problem, Map<String, String> headers) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    String body;
    try {
      body = json.writeValueAsString(problem.withInstance(ctx.request().path()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A problem record is always serialisable", e);
    }
    ctx.response().setStatusCode(problem.status());
    headers.forEach(ctx.response()::putHeader);
    ctx.response()
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }

  public void write(RoutingContext ctx, int status, String title, String detail) {
    write(ctx, Problem.of(status, title, detail, null), Map.of());
  }
}

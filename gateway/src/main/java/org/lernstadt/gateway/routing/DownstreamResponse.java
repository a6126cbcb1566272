package org.lernstadt.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** A service's complete answer: status, headers and body. */
public record DownstreamResponse(int status, MultiMap headers, Buffer body) {

  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The body as a JSON object; a service answering something else is treated as failing. */
  public JsonObject json() {
    try {
      return body.toJsonObject();
    } catch (RuntimeException e) {
      throw new DownstreamException("answered " + status + " with a body that is not JSON", e);
    }
  }
}

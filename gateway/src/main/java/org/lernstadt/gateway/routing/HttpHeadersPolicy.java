package org.lernstadt.gateway.routing;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/** Which headers cross the gateway: everything except hop-by-hop headers (RFC 9110, 7.6.1). */
final class HttpHeadersPolicy {

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length");

  private HttpHeadersPolicy() {}

  /** Copies the end-to-end headers, also dropping those named in the Connection header. */
  static MultiMap endToEnd(MultiMap source) {
    MultiMap copy = MultiMap.caseInsensitiveMultiMap();
    String connection = source.get("connection");
    Set<String> named =
        connection == null
            ? Set.of()
            : Set.of(connection.toLowerCase(Locale.ROOT).replace(" ", "").split(","));
    source.forEach(
        (name, value) -> {
          String lower = name.toLowerCase(Locale.ROOT);
          if (!HOP_BY_HOP.contains(lower) && !named.contains(lower)) {
            copy.add(name, value);
          }
        });
    return copy;
  }
}

package org.lernstadt.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A service behind the gateway that can be made to misbehave (answer slowly, crash with a stack
 * trace) and that shows what reached it. Only the gateway's own handling of such answers is tested
 * with it; the flows of the platform go through the real services.
 */
final class MisbehavingService implements AutoCloseable {

  private final HttpServer server;

  private MisbehavingService(HttpServer server) {
    this.server = server;
  }

  static MisbehavingService start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(8));
      MisbehavingService service = new MisbehavingService(server);
      server.createContext("/v1/echo", service::echo);
      server.createContext("/v1/slow", service::slow);
      server.createContext("/v1/crash", service::crash);
      server.createContext("/v1/created", service::created);
      server.createContext(
          "/q/health/ready",
          exchange -> send(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
      server.createContext(
          "/q/openapi",
          exchange ->
              send(
                  exchange,
                  200,
                  "application/json",
                  "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stub\",\"version\":\"1\"},"
                      + "\"paths\":{\"/v1/echo\":{\"get\":{\"responses\":{\"200\":"
                      + "{\"description\":\"echo\",\"content\":{\"application/json\":{\"schema\":"
                      + "{\"$ref\":\"#/components/schemas/Echo\"}}}}}}}},"
                      + "\"components\":{\"schemas\":{\"Echo\":{\"type\":\"object\"}}}}"));
      server.start();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  /** Answers with the request line and headers it received, as JSON. */
  private void echo(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
    String json =
        headers.entrySet().stream()
            .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
            .collect(Collectors.joining(",", "{\"headers\":{", "}"));
    json += ",\"uri\":" + quote(exchange.getRequestURI().toString()) + "}";
    exchange.getResponseHeaders().add("Connection", "close, X-Internal");
    exchange.getResponseHeaders().add("X-Internal", "must not pass the gateway");
    send(exchange, 200, "application/json", json);
  }

  private void slow(HttpExchange exchange) throws IOException {
    try {
      Thread.sleep(3_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    send(exchange, 200, "application/json", "{}");
  }

  private void crash(HttpExchange exchange) throws IOException {
    send(
        exchange,
        500,
        "text/html",
        "<html><body><pre>java.lang.NullPointerException\n\tat org.example.Secret.method(Secret.java:42)"
            + "</pre></body></html>");
  }

  private void created(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Location", url() + "/v1/created/42");
    send(exchange, 201, "application/json", "{\"id\":42}");
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

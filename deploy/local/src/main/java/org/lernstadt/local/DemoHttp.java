package org.lernstadt.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP calls of the demo data loaders: tokens of the demo realm and checked requests. */
final class DemoHttp {

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI tokenEndpoint;

  DemoHttp(URI tokenEndpoint) {
    this.tokenEndpoint = tokenEndpoint;
  }

  /** A token of a demo user (password grant of the command-line client). */
  String userToken(String username) throws Exception {
    return token(
        "grant_type=password&client_id=lernstadt-cli&username=" + username + "&password=demo");
  }

  String token(String form) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = ACCESS_TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException(
          "No token from "
              + tokenEndpoint
              + " ("
              + response.statusCode()
              + "): "
              + response.body());
    }
    return m.group(1);
  }

  HttpResponse<String> send(
      String method, URI uri, String token, String contentType, String body, Set<Integer> expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (!expected.contains(response.statusCode())) {
      throw new IllegalStateException(
          method
              + " "
              + uri
              + " answered "
              + response.statusCode()
              + ": "
              + shorten(response.body()));
    }
    return response;
  }

  static String id(String json) {
    Matcher m = ID.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("No id in " + shorten(json));
    }
    return m.group(1);
  }

  /** The text as a JSON string literal. */
  static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        default -> {
          if (c < 0x20) {
            json.append("\\u%04x".formatted((int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }

  static String shorten(String text) {
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }
}

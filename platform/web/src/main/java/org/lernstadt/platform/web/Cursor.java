package org.lernstadt.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque position in a sorted list: the sort key values of the last item a client has seen.
 * Encoded as URL-safe Base64 so that clients treat it as a token, not as something to build.
 */
public record Cursor(List<String> keys) {

  private static final char SEPARATOR = '\u001f';

  public Cursor {
    keys = List.copyOf(keys);
  }

  public static Cursor of(String... keys) {
    return new Cursor(List.of(keys));
  }

  public String key(int index) {
    return keys.get(index);
  }

  public String encode() {
    String joined = String.join(String.valueOf(SEPARATOR), keys);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  static Cursor decode(String token) {
    try {
      String joined = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return new Cursor(List.of(joined.split(String.valueOf(SEPARATOR), -1)));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          400,
          "Bad Request",
          "The cursor is not one this API issued.",
          List.of(new Problem.FieldError("cursor", "not a valid cursor")));
    }
  }
}

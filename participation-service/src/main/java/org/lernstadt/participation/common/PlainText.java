package org.lernstadt.participation.common;

import java.util.regex.Pattern;

/**
 * Citizens' texts are stored and returned as plain text: tags are stripped (front-ends render the
 * text as text, so nothing a citizen writes becomes markup), control characters are dropped and
 * surrounding whitespace trimmed.
 */
public final class PlainText {

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

  private PlainText() {}

  /** The plain text of a citizen's input; {@code null} stays {@code null}. */
  public static String of(String input) {
    if (input == null) {
      return null;
    }
    String text = TAG.matcher(input).replaceAll("");
    text = CONTROL.matcher(text).replaceAll("");
    return text.strip();
  }

  /** The plain text, checked to be non-empty and at most {@code max} characters long. */
  public static String required(String field, String input, int max) {
    String text = of(input);
    if (text == null || text.isEmpty()) {
      throw org.lernstadt.platform.web.ProblemException.invalid(
          field, "must not be empty (markup is removed)");
    }
    return limited(field, text, max);
  }

  /** The plain text if any, at most {@code max} characters long; blank becomes {@code null}. */
  public static String optional(String field, String input, int max) {
    String text = of(input);
    if (text == null || text.isEmpty()) {
      return null;
    }
    return limited(field, text, max);
  }

  private static String limited(String field, String text, int max) {
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      throw org.lernstadt.platform.web.ProblemException.invalid(
          field, "must be at most " + max + " characters (has " + length + ")");
    }
    return text;
  }
}

package org.lernstadt.platform.web;

/**
 * A free-text lookup parameter (usually {@code q}) matched as a substring: trimmed, 2 to 100
 * characters. The same rule in every service, so that a front-end (or the gateway) can send one
 * search to all of them.
 */
public record TextQuery(String text) {

  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 100;

  /**
   * The parameter {@code name} with value {@code value}: {@code null} when absent or blank (no
   * filter), otherwise trimmed; shorter than 2 or longer than 100 characters is refused with 422
   * problem details naming the parameter.
   */
  public static TextQuery of(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    int length = text.codePointCount(0, text.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw ProblemException.invalid(
          name, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters (trimmed)");
    }
    return new TextQuery(text);
  }

  /**
   * A SQL {@code LIKE} pattern matching the text anywhere, with {@code %}, {@code _} and the escape
   * character {@code \} of the text escaped (use {@code like ... escape '\'}).
   */
  public String containsPattern() {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}

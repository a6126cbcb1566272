package org.lernstadt.platform.web;

import java.util.List;

/**
 * Thrown by services for a rule the request broke, answered as problem details with the given
 * status (typically 404, 409, 412, 422).
 */
public class ProblemException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<Problem.FieldError> errors;

  public ProblemException(int status, String title, String detail) {
    this(status, title, detail, List.of());
  }

  public ProblemException(
      int status, String title, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(404, "Not Found", what + " was not found.");
  }

  public static ProblemException invalid(String field, String message) {
    return new ProblemException(
        422,
        "Unprocessable Content",
        "The request has invalid values.",
        List.of(new Problem.FieldError(field, message)));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(409, "Conflict", detail);
  }

  public Problem problem() {
    return Problem.of(status, title, getMessage(), errors);
  }
}

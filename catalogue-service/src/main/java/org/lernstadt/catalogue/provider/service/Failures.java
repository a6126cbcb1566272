package org.lernstadt.catalogue.provider.service;

import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import org.hibernate.StaleStateException;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/** Recognises database failures that are a client's concern rather than a server fault. */
final class Failures {

  private Failures() {}

  /** A unique constraint refused the write (SQLSTATE 23505): another request got there first. */
  static boolean isUniqueViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
        return true;
      }
      if (t instanceof org.hibernate.exception.ConstraintViolationException cv
          && "23505".equals(cv.getSQLState())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The row's version moved between read and write: a concurrent change. */
  static boolean isStale(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  static ProblemException conflict(String detail, String field, String message) {
    return new ProblemException(409, "Conflict", detail, List.of(new FieldError(field, message)));
  }

  static ProblemException concurrentChange(String what) {
    return new ProblemException(
        412,
        "Precondition Failed",
        what + " was changed by another request meanwhile; read it again and retry.");
  }

  static ProblemException forbidden(String detail) {
    return new ProblemException(403, "Forbidden", detail);
  }

  static ProblemException forbiddenField(String field, String message) {
    return new ProblemException(
        403,
        "Forbidden",
        "Your role may not set every field of this request.",
        List.of(new FieldError(field, message)));
  }

  static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(
        422, "Unprocessable Content", "The request has invalid values.", errors);
  }
}

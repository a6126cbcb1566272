package org.lernstadt.participation.common;

import java.util.List;
import org.lernstadt.platform.web.Problem;
import org.lernstadt.platform.web.ProblemException;

/** 400 problem details for query parameters that do not parse. */
public final class BadRequests {

  private BadRequests() {}

  /** A cursor whose keys do not parse: it was not issued by this API. */
  public static ProblemException cursor() {
    return query("cursor", "not a valid cursor", "The cursor is not one this API issued.");
  }

  public static ProblemException query(String parameter, String message) {
    return query(parameter, message, "The query has an invalid parameter.");
  }

  private static ProblemException query(String parameter, String message, String detail) {
    return new ProblemException(
        400, "Bad Request", detail, List.of(new Problem.FieldError(parameter, message)));
  }
}

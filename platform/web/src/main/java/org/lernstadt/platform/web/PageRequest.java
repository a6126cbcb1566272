package org.lernstadt.platform.web;

/**
 * A request for one page of a keyset-paginated list: at most {@code limit} items after the position
 * the opaque {@code cursor} stands for ({@code null} for the first page).
 */
public record PageRequest(int limit, Cursor after) {

  /**
   * Validates the client's {@code limit} and {@code cursor} query parameters: a missing limit takes
   * the default, a limit above the maximum or below 1 and a cursor that was not issued by this API
   * are refused with 400 problem details naming the parameter.
   */
  public static PageRequest of(Integer limit, String cursor, int defaultLimit, int maxLimit) {
    int size = limit == null ? defaultLimit : limit;
    if (size < 1 || size > maxLimit) {
      throw new ProblemException(
          400,
          "Bad Request",
          "The page size is out of range.",
          java.util.List.of(new Problem.FieldError("limit", "must be between 1 and " + maxLimit)));
    }
    return new PageRequest(size, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor));
  }

  /** How many rows to fetch: one more than the page, to tell whether another page follows. */
  public int fetchSize() {
    return limit + 1;
  }
}

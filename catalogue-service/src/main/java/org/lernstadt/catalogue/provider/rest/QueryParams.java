package org.lernstadt.catalogue.provider.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/** Query parameters read by hand, so that a bad value is a 400 naming the parameter. */
final class QueryParams {

  static final String DISTRICT = "[a-z0-9-]{1,40}";

  private QueryParams() {}

  static <E extends Enum<E>> E enumOf(Class<E> type, String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw bad(
          name, "must be one of " + Arrays.toString(type.getEnumConstants()).replace(" ", ""));
    }
  }

  static UUID uuid(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw bad(name, "must be a UUID");
    }
  }

  static String district(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!value.matches(DISTRICT)) {
      throw bad("district", "must be a district code (1 to 40 of a-z 0-9 -)");
    }
    return value;
  }

  private static ProblemException bad(String name, String message) {
    return new ProblemException(
        400,
        "Bad Request",
        "A query parameter has an invalid value.",
        List.of(new FieldError(name, message)));
  }
}

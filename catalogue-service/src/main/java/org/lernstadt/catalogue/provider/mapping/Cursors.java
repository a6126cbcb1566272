package org.lernstadt.catalogue.provider.mapping;

import java.util.List;
import java.util.UUID;
import org.lernstadt.platform.web.Cursor;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/** Reads the keys of a cursor this API issued; anything else is a 400 naming {@code cursor}. */
public final class Cursors {

  private Cursors() {}

  public static String text(Cursor cursor, int index) {
    try {
      return cursor.key(index);
    } catch (IndexOutOfBoundsException e) {
      throw forged();
    }
  }

  public static UUID uuid(Cursor cursor, int index) {
    try {
      return UUID.fromString(text(cursor, index));
    } catch (IllegalArgumentException e) {
      throw forged();
    }
  }

  private static ProblemException forged() {
    return new ProblemException(
        400,
        "Bad Request",
        "The cursor is not one this API issued.",
        List.of(new FieldError("cursor", "not a valid cursor")));
  }
}

package org.lernstadt.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit test of the pagination helpers; no server involved. */
class CursorPageTest {

  @Test
  void cursorRoundTripsKeysWithAnyCharacters() {
    Cursor cursor = Cursor.of("2026-11-27T10:00:00Z", "Straße, Ümlaut/ä?&=", "");
    PageRequest request = PageRequest.of(10, cursor.encode(), 20, 100);
    assertEquals(cursor, request.after());
  }

  @Test
  void pageTakesLimitAndPointsAfterLastItem() {
    PageRequest request = PageRequest.of(2, null, 20, 100);
    Page<String> page = Page.of(List.of("a", "b", "c"), request, Cursor::of);
    assertEquals(List.of("a", "b"), page.items());
    assertEquals(Cursor.of("b").encode(), page.next());
  }

  @Test
  void lastPageHasNoNextCursor() {
    PageRequest request = PageRequest.of(null, null, 5, 100);
    assertEquals(5, request.limit());
    assertNull(Page.of(List.of("a"), request, Cursor::of).next());
  }

  @Test
  void limitOutsideRangeIsRefusedNamingTheParameter() {
    ProblemException tooLarge =
        assertThrows(ProblemException.class, () -> PageRequest.of(101, null, 20, 100));
    assertEquals("limit", tooLarge.problem().errors().getFirst().field());
    assertEquals(400, tooLarge.problem().status());
    assertThrows(ProblemException.class, () -> PageRequest.of(0, null, 20, 100));
  }

  @Test
  void forgedCursorIsRefused() {
    ProblemException e =
        assertThrows(ProblemException.class, () -> PageRequest.of(5, "***", 20, 100));
    assertEquals("cursor", e.problem().errors().getFirst().field());
  }
}

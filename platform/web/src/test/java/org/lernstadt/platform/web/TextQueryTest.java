package org.lernstadt.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Unit test of the free-text parameter rule; no server involved. */
class TextQueryTest {

  @Test
  void absentOrBlankIsNoFilter() {
    assertNull(TextQuery.of(null, "q"));
    assertNull(TextQuery.of("   ", "q"));
  }

  @Test
  void valueIsTrimmedAndMustHaveTwoToHundredCharacters() {
    assertEquals("ab", TextQuery.of("  ab ", "q").text());
    assertEquals(100, TextQuery.of("x".repeat(100), "q").text().length());
    for (String bad : new String[] {" a ", "x".repeat(101)}) {
      ProblemException e = assertThrows(ProblemException.class, () -> TextQuery.of(bad, "q"));
      assertEquals(422, e.problem().status());
      assertEquals("q", e.problem().errors().get(0).field());
    }
  }

  @Test
  void patternEscapesLikeWildcards() {
    assertEquals("%50\\%\\_a\\\\b%", TextQuery.of("50%_a\\b", "q").containsPattern());
  }
}

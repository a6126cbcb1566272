package org.lernstadt.catalogue.offer.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Escaping and folding of the iCalendar feed, without a server. */
class OfferCalendarFormatTest {

  @Test
  void textEscapesBackslashSemicolonCommaAndLineBreaks() {
    assertEquals("a\\\\b\\;c\\,d", OfferCalendar.text("a\\b;c,d"));
    assertEquals("eins\\nzwei\\ndrei\\nvier", OfferCalendar.text("eins\r\nzwei\ndrei\rvier"));
    assertEquals("Töpfern: für Groß & Klein", OfferCalendar.text("Töpfern: für Groß & Klein"));
    // Control characters other than tab are not allowed in TEXT.
    assertEquals("ab\tc", OfferCalendar.text("a\u0000b\tc\u007f"));
  }

  @Test
  void shortLinesStayWhole() {
    String line = "SUMMARY:" + "x".repeat(67);
    assertEquals(line + "\r\n", OfferCalendar.fold(line));
  }

  @Test
  void longAsciiLinesFoldAt75Octets() {
    String line = "DESCRIPTION:" + "abcdefghij".repeat(20);
    String folded = OfferCalendar.fold(line);
    List<String> physical = physicalLines(folded);
    assertEquals(75, octets(physical.get(0)));
    for (String p : physical.subList(1, physical.size())) {
      assertTrue(p.startsWith(" "), p);
      assertTrue(octets(p) <= 75, p);
    }
    assertEquals(line + "\r\n", unfold(folded));
  }

  @Test
  void foldingNeverSplitsAMultiByteCharacter() {
    // "ü" is 2 octets, "€" 3 and "🎓" 4: at every offset one of them straddles octet 75.
    for (String ch : List.of("ü", "€", "🎓")) {
      for (int shift = 0; shift < 4; shift++) {
        String line = "SUMMARY:" + "a".repeat(shift) + ch.repeat(80);
        String folded = OfferCalendar.fold(line);
        assertTrue(folded.endsWith("\r\n"));
        for (String p : physicalLines(folded)) {
          assertTrue(octets(p) <= 75, p);
          assertValidUtf8(p.getBytes(StandardCharsets.UTF_8));
        }
        // Also on the raw octets: every fold (CRLF SP) sits between two whole characters.
        byte[] raw = folded.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i + 1 < raw.length; i++) {
          if (raw[i] == '\r' && raw[i + 1] == '\n') {
            byte[] piece = java.util.Arrays.copyOfRange(raw, start, i);
            assertValidUtf8(piece);
            assertTrue(piece.length <= 75);
            start = i + 2;
          }
        }
        assertEquals(line + "\r\n", unfold(folded));
      }
    }
  }

  @Test
  void aWholeFeedHasTheCalendarPropertiesAndCrlfOnly() {
    UUID session = UUID.randomUUID();
    UUID offerId = UUID.randomUUID();
    OfferView offer =
        new OfferView(
            offerId,
            UUID.randomUUID(),
            "ext",
            "Töpfern, Drehen; Glasieren \\ Brennen",
            "Zeile eins\nZeile zwei",
            List.of("CULTURE", "PARENTING"),
            List.of(),
            List.of(),
            List.of(),
            List.of("de"),
            "ON_SITE",
            new OfferView.Cost("FREE", null, null),
            List.of(),
            "https://vhs.example/anmeldung?kurs=1,2",
            null,
            null,
            "CANCELLED",
            3,
            List.of(),
            null,
            null,
            List.of(
                new OfferView.SessionView(
                    session,
                    OffsetDateTime.parse("2027-03-01T17:00:00+01:00"),
                    OffsetDateTime.parse("2027-03-01T19:00:00+01:00"),
                    null,
                    "Marktplatz 1, 06844 Dessau-Roßlau",
                    new OfferView.Location(51.835, 12.2469),
                    null,
                    null)),
            null,
            OffsetDateTime.parse("2026-11-27T10:00:00Z"));
    String feed =
        OfferCalendar.write(
            "Lernstadt",
            null,
            Instant.parse("2026-11-28T08:00:00Z"),
            List.of(new OfferCalendar.Entry(offer, offer.sessions().get(0))));
    assertTrue(feed.replace("\r\n", "").indexOf('\n') < 0, "bare LF");
    assertTrue(feed.replace("\r\n", "").indexOf('\r') < 0, "bare CR");
    List<String> lines = List.of(unfold(feed).split("\r\n"));
    assertEquals("BEGIN:VCALENDAR", lines.get(0));
    assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
    assertTrue(lines.contains("PRODID:-//Lernstadt//Offers//DE"));
    // 2027-03-01T17:00+01:00 is 1803916800 seconds after the epoch.
    assertTrue(lines.contains("UID:" + offerId + "-1803916800@lernstadt"), lines.toString());
    assertTrue(lines.contains("DTSTAMP:20261128T080000Z"));
    assertTrue(lines.contains("DTSTART:20270301T160000Z"));
    assertTrue(lines.contains("DTEND:20270301T180000Z"));
    assertTrue(lines.contains("SEQUENCE:2"));
    assertTrue(lines.contains("SUMMARY:Abgesagt: Töpfern\\, Drehen\\; Glasieren \\\\ Brennen"));
    assertTrue(lines.contains("DESCRIPTION:Zeile eins\\nZeile zwei"));
    assertTrue(lines.contains("LOCATION:Marktplatz 1\\, 06844 Dessau-Roßlau"));
    assertTrue(lines.contains("GEO:51.835;12.2469"));
    assertTrue(lines.contains("URL:https://vhs.example/anmeldung?kurs=1,2"));
    assertTrue(lines.contains("CATEGORIES:Kultur,Familie und Erziehung"));
    assertTrue(lines.contains("STATUS:CANCELLED"));
  }

  @Test
  void longDescriptionsAreShortenedAtAWord() {
    String text = "Wort ".repeat(200);
    String shortened = OfferCalendar.shorten(text, 500);
    assertTrue(shortened.length() <= 500);
    assertTrue(shortened.endsWith("Wort…"), shortened);
    assertEquals("kurz", OfferCalendar.shorten("  kurz ", 500));
  }

  private static List<String> physicalLines(String folded) {
    assertTrue(folded.endsWith("\r\n"));
    return List.of(folded.substring(0, folded.length() - 2).split("\r\n", -1));
  }

  private static String unfold(String folded) {
    return folded.replace("\r\n ", "");
  }

  private static int octets(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void assertValidUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new AssertionError("a character was split: " + e);
    }
  }
}

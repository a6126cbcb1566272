package org.lernstadt.catalogue.offer.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Offers as an iCalendar feed (RFC 5545) a calendar app can subscribe to: one {@code VEVENT} per
 * date of an offer, times in UTC, text escaped, lines ending in CRLF and folded at 75 octets
 * without splitting a UTF-8 character.
 */
public final class OfferCalendar {

  public static final String MEDIA_TYPE = "text/calendar";

  /** The content type of a feed, with its character set. */
  public static final String CONTENT_TYPE = MEDIA_TYPE + "; charset=utf-8";

  public static final String PRODID = "-//Lernstadt//Offers//DE";

  /** How much of an offer's description a calendar entry carries, in characters. */
  static final int DESCRIPTION_LENGTH = 500;

  /** The longest content line in octets, without its CRLF (RFC 5545, section 3.1). */
  static final int LINE_OCTETS = 75;

  private static final String CRLF = "\r\n";

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The topics as a calendar user reads them. */
  private static final Map<String, String> TOPIC_LABELS =
      Map.of(
          "SUSTAINABLE_DEVELOPMENT", "Bildung für nachhaltige Entwicklung",
          "DIGITAL_SKILLS", "Digitale Kompetenzen",
          "LANGUAGES", "Sprachen",
          "CULTURE", "Kultur",
          "HEALTH", "Gesundheit",
          "VOCATIONAL", "Beruf",
          "PARENTING", "Familie und Erziehung",
          "CIVIC", "Politische Bildung",
          "SCIENCE", "Wissenschaft",
          "BASIC_SKILLS", "Grundbildung");

  /** One date of an offer in the feed. */
  public record Entry(OfferView offer, OfferView.SessionView session) {}

  private OfferCalendar() {}

  /**
   * The whole feed: a {@code VCALENDAR} with one {@code VEVENT} per entry, in the given order.
   *
   * @param name the calendar's display name ({@code X-WR-CALNAME})
   * @param note a line for the calendar's description, e.g. that the feed was shortened; or null
   * @param stamp when the feed was made ({@code DTSTAMP} of every event)
   */
  public static String write(String name, String note, Instant stamp, List<Entry> entries) {
    StringBuilder out = new StringBuilder(512 + entries.size() * 600);
    line(out, "BEGIN:VCALENDAR");
    line(out, "PRODID:" + PRODID);
    line(out, "VERSION:2.0");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "METHOD:PUBLISH");
    line(out, "X-WR-CALNAME:" + text(name));
    if (note != null) {
      line(out, "X-WR-CALDESC:" + text(note));
    }
    // RFC 7986 and its widespread predecessor: how often a subscriber should fetch the feed again.
    line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT6H");
    line(out, "X-PUBLISHED-TTL:PT6H");
    String dtstamp = UTC.format(stamp);
    for (Entry entry : entries) {
      event(out, entry.offer(), entry.session(), dtstamp);
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private static void event(
      StringBuilder out, OfferView offer, OfferView.SessionView session, String dtstamp) {
    boolean cancelled = "CANCELLED".equals(offer.status());
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + uid(offer.id(), session.start()));
    line(out, "DTSTAMP:" + dtstamp);
    line(out, "DTSTART:" + utc(session.start()));
    line(out, "DTEND:" + utc(session.end()));
    if (offer.updatedAt() != null) {
      line(out, "LAST-MODIFIED:" + utc(offer.updatedAt()));
    }
    line(out, "SEQUENCE:" + Math.max(0, offer.version() - 1));
    line(out, "SUMMARY:" + text((cancelled ? "Abgesagt: " : "") + offer.title()));
    String description = shorten(offer.description(), DESCRIPTION_LENGTH);
    if (!description.isEmpty()) {
      line(out, "DESCRIPTION:" + text(description));
    }
    String location = session.address() != null ? session.address() : session.onlineUrl();
    if (location != null && !location.isBlank()) {
      line(out, "LOCATION:" + text(location));
    }
    if (session.location() != null) {
      line(
          out,
          "GEO:" + decimal(session.location().lat()) + ";" + decimal(session.location().lon()));
    }
    if (offer.registrationUrl() != null) {
      // A URI value: not escaped as text (RFC 5545, section 3.3.13).
      line(out, "URL:" + offer.registrationUrl());
    }
    if (!offer.topics().isEmpty()) {
      line(
          out,
          "CATEGORIES:"
              + String.join(
                  ",",
                  offer.topics().stream()
                      .map(t -> text(TOPIC_LABELS.getOrDefault(t, t)))
                      .toList()));
    }
    line(out, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
    // Offers are possibilities, not appointments: they do not make the subscriber look busy.
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
  }

  /**
   * The UID of a date: the offer and its start, so that a subscribed calendar updates the event
   * when the offer changes (a partner push replaces the dates' rows) and only a moved date is a new
   * event.
   */
  public static String uid(UUID offerId, OffsetDateTime start) {
    return offerId + "-" + start.toEpochSecond() + "@lernstadt";
  }

  /** A time in UTC as {@code 20270301T160000Z}. */
  public static String utc(OffsetDateTime time) {
    return UTC.format(time);
  }

  /**
   * A TEXT value (RFC 5545, section 3.3.11): backslash, semicolon and comma escaped with a
   * backslash, every line break ({@code CRLF}, {@code LF} or {@code CR}) as {@code \n}; other
   * control characters, which TEXT does not allow, are dropped.
   */
  public static String text(String value) {
    StringBuilder b = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case ';' -> b.append("\\;");
        case ',' -> b.append("\\,");
        case '\r' -> {
          b.append("\\n");
          if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n' -> b.append("\\n");
        default -> {
          if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * A content line folded as RFC 5545, section 3.1 asks: no physical line longer than 75 octets of
   * UTF-8 (the leading space of a continuation counts), each ended by CRLF, and a multi-octet
   * character never split between two lines.
   */
  public static String fold(String contentLine) {
    StringBuilder out = new StringBuilder(contentLine.length() + 16);
    line(out, contentLine);
    return out.toString();
  }

  private static void line(StringBuilder out, String contentLine) {
    int octets = 0;
    int i = 0;
    while (i < contentLine.length()) {
      int codePoint = contentLine.codePointAt(i);
      int size = utf8Length(codePoint);
      if (octets + size > LINE_OCTETS) {
        out.append(CRLF).append(' ');
        octets = 1;
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append(CRLF);
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }

  /**
   * At most {@code max} characters of {@code text}, cut at a word boundary with an ellipsis when it
   * is longer; surrounding white space removed.
   */
  static String shorten(String text, int max) {
    String t = Objects.requireNonNullElse(text, "").strip();
    if (t.codePointCount(0, t.length()) <= max) {
      return t;
    }
    int end = t.offsetByCodePoints(0, max - 1);
    int space = t.lastIndexOf(' ', end);
    if (space > end / 2) {
      end = space;
    }
    return t.substring(0, end).stripTrailing() + "…";
  }

  private static String decimal(double value) {
    return BigDecimal.valueOf(value)
        .setScale(6, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}

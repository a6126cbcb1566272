package org.lernstadt.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * The search as an iCalendar feed through the real PostgreSQL. Each offer carries a word made for
 * this test class, so that offers of other tests in the same database do not count.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class OfferCalendarFeedTest {

  private static final String WORD = PartnerOfferTest.word("kalenderwort");

  /** A description with umlauts, longer than one line of 75 octets. */
  private static final String LONG_DESCRIPTION =
      "Gemeinsam üben wir an der Töpferscheibe; Glasuren, Brennöfen und Werkzeuge stehen bereit."
          + " Für Anfängerinnen und Anfänger, für Groß und Klein, mit Ruhe und Geduld – ein"
          + " Nachmittag voller Ton, Wasser und Spaß am Gestalten. Schürzen bringt bitte mit!";

  private static String pottery;
  private static String careers;
  private static String online;

  // Not @BeforeAll: the HTTP port of the application under test is known per test only.
  @BeforeEach
  void offers() throws Exception {
    if (pottery != null) {
      return;
    }
    PartnerOfferTest.providersAndADistrict();
    // A title with the characters TEXT escapes (the backslash doubled once more for JSON).
    var created =
        PartnerOfferTest.put(
                "partner-vhs",
                "ical-pottery-" + WORD,
                PartnerOfferTest.offer(
                        "Töpfern, Drehen; Glasieren \\\\ Brennen " + WORD,
                        "PUBLISHED",
                        """
                        [{"start": "2027-03-01T17:00:00+01:00", "end": "2027-03-01T19:00:00+01:00",
                          "address": "Marktplatz 1, Mitte", "location": {"lat": 52.05, "lon": 13.05}},
                         {"start": "2027-05-03T17:00:00+02:00", "end": "2027-05-03T19:00:00+02:00",
                          "address": "Marktplatz 1, Mitte", "location": {"lat": 52.05, "lon": 13.05}}]
                        """)
                    .replace("Ein Kurs für Eltern und Großeltern", LONG_DESCRIPTION))
            .statusCode(201)
            .extract();
    pottery = created.path("id");
    careers =
        PartnerOfferTest.put(
                "partner-library",
                "ical-careers-" + WORD,
                PartnerOfferTest.offer(
                        "Berufsorientierung " + WORD,
                        "CANCELLED",
                        """
                        [{"start": "2027-04-01T09:00:00+02:00", "end": "2027-04-01T12:00:00+02:00",
                          "location": {"lat": 52.06, "lon": 13.06}}]
                        """)
                    .replace(
                        "\"lifePhases\": [\"PARENTS\", \"ADULTS\"]",
                        "\"lifePhases\": [\"SCHOOL_TO_WORK\"]"))
            .statusCode(201)
            .extract()
            .path("id");
    online =
        PartnerOfferTest.put(
                "partner-vhs",
                "ical-online-" + WORD,
                PartnerOfferTest.offer(
                        "Online-Sprechstunde " + WORD,
                        "PUBLISHED",
                        """
                    [{"start": "2027-03-10T18:00:00+01:00", "end": "2027-03-10T19:00:00+01:00",
                      "onlineUrl": "https://vhs.example/raum"}]
                    """)
                    .replace("\"ON_SITE\"", "\"ONLINE\""))
            .statusCode(201)
            .extract()
            .path("id");
    PartnerOfferTest.put(
            "partner-vhs",
            "ical-draft-" + WORD,
            PartnerOfferTest.offer(
                "Entwurf " + WORD,
                "DRAFT",
                """
                [{"start": "2027-03-02T17:00:00+01:00", "end": "2027-03-02T19:00:00+01:00",
                  "location": {"lat": 52.05, "lon": 13.05}}]
                """))
        .statusCode(201);
  }

  private static Response ics(String query) {
    return given()
        .get("/v1/offers.ics?q=" + WORD + (query.isEmpty() ? "" : "&" + query))
        .then()
        .statusCode(200)
        .contentType("text/calendar")
        .extract()
        .response();
  }

  /** The content lines of a feed, unfolded, after checking its CRLF line ends and folding. */
  private static List<String> lines(Response response) {
    byte[] raw = response.asByteArray();
    List<String> physical = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '\n') {
        assertTrue(i > 0 && raw[i - 1] == '\r', "a line ends in LF without CR");
        byte[] line = Arrays.copyOfRange(raw, start, i - 1);
        assertTrue(line.length <= 75, "a line longer than 75 octets: " + line.length);
        physical.add(utf8(line));
        start = i + 1;
      } else if (raw[i] == '\r') {
        assertTrue(i + 1 < raw.length && raw[i + 1] == '\n', "a CR without LF");
      }
    }
    assertEquals(raw.length, start, "the last line has no CRLF");
    List<String> logical = new ArrayList<>();
    for (String p : physical) {
      if (p.startsWith(" ")) {
        int last = logical.size() - 1;
        logical.set(last, logical.get(last) + p.substring(1));
      } else {
        logical.add(p);
      }
    }
    return logical;
  }

  /** Each physical line must be valid UTF-8 on its own: no character split by a fold. */
  private static String utf8(byte[] line) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("a fold split a character", e);
    }
  }

  private static List<String> values(List<String> lines, String property) {
    return lines.stream()
        .filter(l -> l.startsWith(property + ":"))
        .map(l -> l.substring(property.length() + 1))
        .toList();
  }

  @Test
  void theFeedIsACalendarWithOneEventPerDate() {
    Response response = ics("");
    assertTrue(response.contentType().startsWith("text/calendar"));
    assertTrue(response.contentType().toLowerCase().contains("charset=utf-8"));
    List<String> lines = lines(response);
    assertEquals("BEGIN:VCALENDAR", lines.get(0));
    assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
    assertEquals(List.of("-//Lernstadt//Offers//DE"), values(lines, "PRODID"));
    assertEquals(List.of("2.0"), values(lines, "VERSION"));
    assertEquals(List.of("GREGORIAN"), values(lines, "CALSCALE"));
    assertEquals(List.of("PUBLISH"), values(lines, "METHOD"));
    assertEquals(1, values(lines, "X-WR-CALNAME").size());
    // Pottery twice, careers and the online consultation once; the draft not at all.
    assertEquals(4, values(lines, "BEGIN").stream().filter("VEVENT"::equals).count());
    assertEquals(4, values(lines, "END").stream().filter("VEVENT"::equals).count());
    assertFalse(String.join("\n", lines).contains("Entwurf"));
    List<String> uids = values(lines, "UID");
    assertEquals(4, uids.stream().distinct().count());
    assertTrue(uids.stream().allMatch(u -> u.endsWith("@lernstadt")));
    // Offer id and start: stable while the offer is updated.
    assertTrue(uids.get(0).startsWith(pottery + "-"), uids.get(0));
    assertTrue(uids.get(3).startsWith(pottery + "-"), uids.get(3));
    // In date order, in UTC.
    assertEquals(
        List.of("20270301T160000Z", "20270310T170000Z", "20270401T070000Z", "20270503T150000Z"),
        values(lines, "DTSTART"));
    assertEquals(
        List.of("20270301T180000Z", "20270310T180000Z", "20270401T100000Z", "20270503T170000Z"),
        values(lines, "DTEND"));
    assertEquals(4, values(lines, "DTSTAMP").size());
    assertEquals("3", response.header("Lernstadt-Total-Offers"));
    assertEquals("0", response.header("Lernstadt-Omitted-Offers"));
  }

  @Test
  void textIsEscapedAndLongLinesFolded() {
    Response response = ics("");
    List<String> lines = lines(response);
    String summary = "Töpfern\\, Drehen\\; Glasieren \\\\ Brennen " + WORD;
    assertEquals(2, values(lines, "SUMMARY").stream().filter(summary::equals).count());
    String description =
        LONG_DESCRIPTION.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,");
    assertTrue(values(lines, "DESCRIPTION").contains(description));
    // The description is longer than a line: the raw feed folds it.
    String raw = new String(response.asByteArray(), StandardCharsets.UTF_8);
    assertFalse(raw.contains("DESCRIPTION:" + description));
    assertTrue(raw.contains("\r\n "));
    assertTrue(values(lines, "LOCATION").contains("Marktplatz 1\\, Mitte"));
    assertTrue(values(lines, "LOCATION").contains("https://vhs.example/raum"));
    assertTrue(values(lines, "GEO").contains("52.05;13.05"));
    assertTrue(values(lines, "URL").contains("https://vhs.example/anmeldung"));
    assertTrue(values(lines, "CATEGORIES").contains("Digitale Kompetenzen,Familie und Erziehung"));
  }

  @Test
  void cancelledOffersStayInTheFeedMarkedCancelled() {
    List<String> lines = lines(ics("lifePhase=SCHOOL_TO_WORK"));
    assertEquals(List.of("CANCELLED"), values(lines, "STATUS"));
    assertEquals(List.of("Abgesagt: Berufsorientierung " + WORD), values(lines, "SUMMARY"));
    assertEquals(List.of("20270401T070000Z"), values(lines, "DTSTART"));
    // The search's JSON does not list a cancelled offer.
    given()
        .get("/v1/offers?q=" + WORD + "&lifePhase=SCHOOL_TO_WORK")
        .then()
        .statusCode(200)
        .body("total", org.hamcrest.Matchers.equalTo(0));
  }

  @Test
  void theSearchAsksForTheCalendarByAcceptHeader() {
    Response response =
        given()
            .accept("text/calendar")
            .get("/v1/offers?q=" + WORD + "&topic=PARENTING")
            .then()
            .statusCode(200)
            .contentType("text/calendar")
            .extract()
            .response();
    List<String> lines = lines(response);
    // All three offers are filed under PARENTING (the test offer's default topics).
    assertEquals(4, values(lines, "BEGIN").stream().filter("VEVENT"::equals).count());
    // Without that header the search stays JSON.
    given()
        .get("/v1/offers?q=" + WORD)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("total", org.hamcrest.Matchers.equalTo(2));
    given()
        .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .get("/v1/offers?q=" + WORD)
        .then()
        .statusCode(200)
        .contentType("application/json");
  }

  @Test
  void aTimeRangeKeepsOnlyItsDatesAndCapsAreReported() {
    List<String> march =
        values(lines(ics("from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z")), "DTSTART");
    assertEquals(List.of("20270301T160000Z", "20270310T170000Z"), march);

    Response capped = ics("limit=1");
    List<String> lines = lines(capped);
    assertEquals(List.of("20270301T160000Z", "20270503T150000Z"), values(lines, "DTSTART"));
    assertEquals("3", capped.header("Lernstadt-Total-Offers"));
    assertEquals("2", capped.header("Lernstadt-Omitted-Offers"));
    assertEquals(1, values(lines, "X-WR-CALDESC").size());
    given().get("/v1/offers.ics?limit=1001").then().statusCode(400);
  }
}

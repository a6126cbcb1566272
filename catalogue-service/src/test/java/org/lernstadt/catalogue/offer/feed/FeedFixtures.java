package org.lernstadt.catalogue.offer.feed;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import java.util.UUID;
import org.lernstadt.catalogue.offer.PartnerOfferTest;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/** Providers a feed names, and the import request, for the feed import tests. */
final class FeedFixtures {

  static final String IMPORT = "/v1/imports/schema-org";

  /** Matched by its website, written differently in the feed. */
  static final String MUSIC_SCHOOL = "Musikschule Feedstadt";

  static final String MUSIC_SCHOOL_WEBSITE = "https://www.musikschule-feedstadt.example/";

  /** Matched by its name, written in another case in the feed. */
  static final String FAMILY_CENTRE = "Familienzentrum Feedstadt";

  private FeedFixtures() {}

  /** Registers the two providers (and the district Mitte) once; answers their ids. */
  static UUID[] providers() throws Exception {
    PartnerOfferTest.providersAndADistrict();
    // Registering providers is the editors' API; here only the rows with a known website count.
    return new UUID[] {
      provider("feed-music", MUSIC_SCHOOL, MUSIC_SCHOOL_WEBSITE),
      provider("feed-family", FAMILY_CENTRE, null)
    };
  }

  private static UUID provider(String key, String name, String website) throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
        DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password())) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into provider (id, key, name, kind, website)"
                  + " values (gen_random_uuid(), ?, ?, 'CLUB', ?) on conflict (key) do nothing")) {
        insert.setString(1, key);
        insert.setString(2, name);
        insert.setString(3, website);
        insert.executeUpdate();
      }
      try (PreparedStatement select = c.prepareStatement("select id from provider where key = ?")) {
        select.setString(1, key);
        ResultSet row = select.executeQuery();
        row.next();
        return row.getObject(1, UUID.class);
      }
    }
  }

  static long offerCount() throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
        DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password())) {
      ResultSet row = c.createStatement().executeQuery("select count(*) from offer");
      row.next();
      return row.getLong(1);
    }
  }

  /** A word of letters only, for titles, so that a search finds one test's offers. */
  static String word() {
    Random random = new Random();
    StringBuilder w = new StringBuilder("feed");
    for (int i = 0; i < 8; i++) {
      w.append((char) ('a' + random.nextInt(26)));
    }
    return w.toString();
  }

  static ValidatableResponse post(String token, String contentType, String body, String query) {
    // JSON-LD is UTF-8 (RFC 8259); REST Assured would encode an unknown media type as Latin-1.
    var request =
        given()
            .config(
                RestAssured.config()
                    .encoderConfig(
                        EncoderConfig.encoderConfig()
                            .defaultCharsetForContentType("UTF-8", "application/ld+json")
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .contentType(contentType)
            .body(body);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request.post(IMPORT + query).then();
  }

  static ValidatableResponse asEditor(String body) {
    return post(Tokens.forUser("editor1"), "application/ld+json", body, "");
  }
}

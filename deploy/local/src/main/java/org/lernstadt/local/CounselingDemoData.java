package org.lernstadt.local;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.lernstadt.democity.DemoCity;

/**
 * The demo city's counselling centres, loaded as the city would: an administrator registers the
 * drop-in points and who counsels where (the realm's counselor1 and counselor2, lead1 leading all),
 * and the counsellors publish their appointment slots for the coming two weeks.
 */
public final class CounselingDemoData implements DemoDataLoader {

  private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");
  private static final String COUNSELOR_1 = "00000000-0000-4000-8000-000000000201";
  private static final String COUNSELOR_2 = "00000000-0000-4000-8000-000000000202";
  private static final String LEAD = "00000000-0000-4000-8000-000000000203";

  /** Centre id, name, street, latitude, longitude, languages, transitions it focuses on. */
  private record Centre(
      String id,
      String name,
      String street,
      double lat,
      double lon,
      String languages,
      String topics,
      String counsellor) {}

  private static final List<Centre> CENTRES =
      List.of(
          new Centre(
              "10000000-0000-4000-8000-000000000001",
              "Bildungsberatung Mitte",
              "Marktplatz 1",
              51.052,
              13.742,
              "\"de\",\"en\"",
              "\"SCHOOL_TO_WORK\",\"REENTRY_INTO_WORK\"",
              COUNSELOR_1),
          new Centre(
              "10000000-0000-4000-8000-000000000002",
              "Lernladen Nord",
              "Hafenstraße 12",
              51.128,
              13.701,
              "\"de\",\"ar\",\"uk\"",
              "\"DAYCARE_TO_SCHOOL\",\"WORK_TO_RETIREMENT\"",
              COUNSELOR_2),
          new Centre(
              "10000000-0000-4000-8000-000000000003",
              "Beratungspunkt Süd in der Stadtbibliothek",
              "Lindenallee 4",
              50.968,
              13.815,
              "\"de\",\"tr\"",
              "\"SCHOOL_TO_WORK\",\"OTHER\"",
              COUNSELOR_1));

  @Override
  public int order() {
    return 20;
  }

  @Override
  public void load(StackEndpoints endpoints) throws Exception {
    URI counseling = endpoints.service("counseling-service");
    DemoHttp http = new DemoHttp(endpoints.tokenEndpoint());
    String admin = http.userToken("admin1");
    for (Centre centre : CENTRES) {
      http.send(
          "PUT",
          counseling.resolve("/v1/centres/" + centre.id()),
          admin,
          "application/json",
          ("{\"name\":\"%s\",\"street\":\"%s\",\"postalCode\":\"01067\",\"city\":\"Lernstadt\","
                  + "\"latitude\":%s,\"longitude\":%s,\"district\":\"%s\","
                  + "\"openingHours\":\"Mo-Do 09:00-17:00\",\"languages\":[%s],"
                  + "\"accessibility\":[\"WHEELCHAIR_ACCESSIBLE\"],\"topics\":[%s]}")
              .formatted(
                  centre.name(),
                  centre.street(),
                  centre.lat(),
                  centre.lon(),
                  DemoCity.districtAt(centre.lat(), centre.lon()),
                  centre.languages(),
                  centre.topics()),
          Set.of(200, 201));
      member(http, counseling, admin, centre.id(), centre.counsellor(), false);
      member(http, counseling, admin, centre.id(), LEAD, true);
    }

    String[] formats = {"IN_PERSON", "PHONE", "VIDEO"};
    for (String username : List.of("counselor1", "counselor2")) {
      String token = http.userToken(username);
      String subject = username.equals("counselor1") ? COUNSELOR_1 : COUNSELOR_2;
      List<Centre> theirs = CENTRES.stream().filter(c -> c.counsellor().equals(subject)).toList();
      int n = 0;
      LocalDate day = LocalDate.now(CITY_TIME).plusDays(1);
      for (int days = 0; days < 14; days++, day = day.plusDays(1)) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
          continue;
        }
        // One centre a day per counsellor, so that their appointments never overlap.
        Centre centre = theirs.get(day.getDayOfYear() % theirs.size());
        for (LocalTime start :
            List.of(LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(14, 0))) {
          ZonedDateTime from = ZonedDateTime.of(day, start, CITY_TIME);
          http.send(
              "POST",
              counseling.resolve("/v1/centres/" + centre.id() + "/slots"),
              token,
              "application/json",
              "{\"start\":\"%s\",\"end\":\"%s\",\"format\":\"%s\"}"
                  .formatted(
                      from.toOffsetDateTime(),
                      from.plusMinutes(45).toOffsetDateTime(),
                      formats[n++ % formats.length]),
              Set.of(201, 409));
        }
      }
    }
  }

  private static void member(
      DemoHttp http, URI counseling, String admin, String centre, String subject, boolean lead)
      throws Exception {
    http.send(
        "PUT",
        counseling.resolve("/v1/centres/" + centre + "/members/" + subject),
        admin,
        "application/json",
        "{\"lead\":" + lead + "}",
        Set.of(200, 201, 204));
  }
}

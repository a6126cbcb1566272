package org.lernstadt.local;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lernstadt.democity.DemoCity;

/**
 * The demo city's catalogue, loaded as the city and its partners would: districts and institutions
 * by an editor, partnerships between them, and offers pushed in bulk by the two partner
 * institutions' machine clients.
 */
public final class CatalogueDemoData implements DemoDataLoader {

  static final int INSTITUTIONS = 40;
  static final int OFFERS_PER_PARTNER = 1_500;
  static final int PARTNERSHIPS = 25;

  private DemoHttp http;

  @Override
  public int order() {
    return 10;
  }

  @Override
  public void load(StackEndpoints endpoints) throws Exception {
    URI catalogue = endpoints.service("catalogue-service");
    http = new DemoHttp(endpoints.tokenEndpoint());
    String editor = http.userToken("editor1");
    DemoCity city = new DemoCity(2026, OffsetDateTime.now().plusDays(1));

    for (String[] district : DemoCity.districts()) {
      http.send(
          "PUT",
          catalogue.resolve("/v1/districts/" + district[0]),
          editor,
          "application/json",
          "{\"name\":\"" + district[1] + "\",\"geometry\":" + district[2] + "}",
          Set.of(200, 201));
    }

    List<String> providers = new ArrayList<>();
    providers.add(
        register(
            catalogue,
            editor,
            partner(
                "vhs-demo", "Volkshochschule Lernstadt", "ADULT_EDUCATION_CENTRE", "partner-vhs")));
    providers.add(
        register(
            catalogue,
            editor,
            partner("library-demo", "Stadtbibliothek Lernstadt", "LIBRARY", "partner-library")));
    for (int i = 0; i < INSTITUTIONS; i++) {
      providers.add(register(catalogue, editor, city.institution(i)));
    }

    String[] kinds = {"COOPERATION", "NETWORK_MEMBERSHIP", "SHARED_OFFER"};
    for (int i = 0; i < PARTNERSHIPS; i++) {
      String a = providers.get(i % providers.size());
      String b = providers.get((i * 7 + 3) % providers.size());
      if (a.equals(b)) {
        continue;
      }
      http.send(
          "POST",
          catalogue.resolve("/v1/partnerships"),
          editor,
          "application/json",
          "{\"providerA\":\"%s\",\"providerB\":\"%s\",\"kind\":\"%s\",\"since\":\"2024-0%d-01\","
                  .formatted(a, b, kinds[i % kinds.length], 1 + i % 9)
              + "\"description\":\"Gemeinsame Lernangebote im Stadtteil\"}",
          Set.of(201, 409));
    }

    for (String client : List.of("partner-vhs", "partner-library")) {
      String token =
          http.token(
              "grant_type=client_credentials&client_id="
                  + client
                  + "&client_secret="
                  + client
                  + "-secret");
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < OFFERS_PER_PARTNER; i++) {
        lines.append(city.next("demo-" + i)).append('\n');
      }
      http.send(
          "POST",
          catalogue.resolve("/v1/partner/offers/bulk"),
          token,
          "application/x-ndjson",
          lines.toString(),
          Set.of(200));
    }
  }

  private static String partner(String key, String name, String kind, String client) {
    return ("{\"key\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\",\"address\":{\"street\":\"Am Markt 1\","
            + "\"postalCode\":\"01067\",\"city\":\"Lernstadt\"},\"location\":{\"lat\":51.05,"
            + "\"lon\":13.74},\"website\":\"https://%s.example\",\"partnerClient\":\"%s\"}")
        .formatted(key, name, kind, key, client);
  }

  /** Registers the institution, or finds it registered by an earlier, interrupted load. */
  private String register(URI catalogue, String editor, String json) throws Exception {
    HttpResponse<String> created =
        http.send(
            "POST",
            catalogue.resolve("/v1/providers"),
            editor,
            "application/json",
            json,
            Set.of(201, 409));
    if (created.statusCode() == 201) {
      return DemoHttp.id(created.body());
    }
    String key = json.replaceAll("(?s).*\"key\":\"([^\"]+)\".*", "$1");
    String page =
        http.send(
                "GET",
                catalogue.resolve("/v1/providers?limit=100"),
                editor,
                null,
                null,
                Set.of(200))
            .body();
    Matcher m =
        Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"[^}]*\"key\"\\s*:\\s*\"" + key + "\"")
            .matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("Provider " + key + " exists but was not found in the list");
    }
    return m.group(1);
  }
}

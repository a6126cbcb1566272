package org.lernstadt.catalogue.offer.mapping;

import io.vertx.mutiny.sqlclient.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads offers and their sessions from result rows of {@code OfferRepository}. */
public final class OfferRows {

  private OfferRows() {}

  public static OfferView toView(Row offer, Iterable<Row> sessionRows) {
    List<OfferView.SessionView> sessions = new ArrayList<>();
    for (Row s : sessionRows) {
      Double lat = s.getDouble("latitude");
      Double lon = s.getDouble("longitude");
      sessions.add(
          new OfferView.SessionView(
              s.getUUID("id"),
              s.getOffsetDateTime("starts_at"),
              s.getOffsetDateTime("ends_at"),
              s.getUUID("learning_place_id"),
              s.getString("address"),
              lat == null ? null : new OfferView.Location(lat, lon),
              s.getString("district_code"),
              s.getString("online_url")));
    }
    return new OfferView(
        offer.getUUID("id"),
        offer.getUUID("provider_id"),
        offer.getString("external_id"),
        offer.getString("title"),
        offer.getString("description"),
        strings(offer, "topics"),
        Arrays.stream(offer.getArrayOfShorts("sdgs")).map(Short::intValue).toList(),
        strings(offer, "target_groups"),
        strings(offer, "life_phases"),
        strings(offer, "languages"),
        offer.getString("modality"),
        new OfferView.Cost(
            offer.getString("cost_kind"),
            offer.getInteger("fee_cents"),
            offer.getString("reduced_fee_terms")),
        strings(offer, "accessibility"),
        offer.getString("registration_url"),
        offer.getInteger("capacity"),
        offer.getString("certificate"),
        offer.getString("status"),
        offer.getLong("version"),
        strings(offer, "district_codes"),
        offer.getOffsetDateTime("first_start"),
        offer.getOffsetDateTime("last_end"),
        sessions,
        offer.getOffsetDateTime("created_at"),
        offer.getOffsetDateTime("updated_at"));
  }

  private static List<String> strings(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? List.of() : List.of(values);
  }
}

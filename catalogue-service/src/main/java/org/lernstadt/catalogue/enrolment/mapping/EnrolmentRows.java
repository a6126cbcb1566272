package org.lernstadt.catalogue.enrolment.mapping;

import io.vertx.mutiny.sqlclient.Row;
import java.util.Arrays;
import java.util.List;
import org.lernstadt.catalogue.enrolment.domain.EnrolableOffer;
import org.lernstadt.catalogue.enrolment.domain.Tally;

/** Reads enrolments, participants, tallies and offers from result rows of the repository. */
public final class EnrolmentRows {

  private EnrolmentRows() {}

  public static EnrolmentView toView(Row row) {
    return new EnrolmentView(
        row.getUUID("id"),
        row.getUUID("offer_id"),
        row.getString("status"),
        position(row),
        row.getOffsetDateTime("requested_at"),
        row.getOffsetDateTime("enrolled_at"),
        row.getOffsetDateTime("cancelled_at"));
  }

  public static ParticipantView toParticipant(Row row) {
    return new ParticipantView(
        row.getUUID("id"),
        row.getString("citizen"),
        row.getString("status"),
        position(row),
        row.getOffsetDateTime("requested_at"),
        row.getOffsetDateTime("enrolled_at"));
  }

  public static Tally toTally(Row row) {
    return new Tally(
        row.getInteger("capacity"), row.getInteger("enrolled"), row.getInteger("waitlisted"));
  }

  public static EnrolableOffer toOffer(Row row) {
    return new EnrolableOffer(
        row.getUUID("id"),
        row.getUUID("provider_id"),
        row.getString("external_id"),
        row.getString("status"),
        row.getInteger("capacity"),
        strings(row, "district_codes"),
        strings(row, "life_phases"));
  }

  private static Integer position(Row row) {
    Long position = row.getLong("position");
    return position == null ? null : position.intValue();
  }

  private static List<String> strings(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? List.of() : Arrays.asList(values);
  }
}

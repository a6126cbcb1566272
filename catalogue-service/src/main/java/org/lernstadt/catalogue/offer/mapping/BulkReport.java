package org.lernstadt.catalogue.offer.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.lernstadt.platform.web.Problem.FieldError;

/** What a bulk push did, item by item, in the order of the request. */
public record BulkReport(Summary summary, List<Item> items) {

  public record Summary(int created, int updated, int unchanged, int rejected) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Item(
      int index,
      String externalId,
      String outcome,
      UUID id,
      Long version,
      List<FieldError> errors) {}

  public static BulkReport of(List<Item> items) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    int rejected = 0;
    for (Item item : items) {
      switch (item.outcome()) {
        case "created" -> created++;
        case "updated" -> updated++;
        case "unchanged" -> unchanged++;
        default -> rejected++;
      }
    }
    return new BulkReport(new Summary(created, updated, unchanged, rejected), List.copyOf(items));
  }
}

package org.lernstadt.catalogue.offer.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.lernstadt.catalogue.offer.service.BulkItem;
import org.lernstadt.platform.web.FieldErrors;
import org.lernstadt.platform.web.Problem.FieldError;

/**
 * Reads the items of a bulk push one by one, so that an unreadable or invalid item is reported on
 * its own and does not fail the request. Each item is an offer as for {@code PUT} plus its {@code
 * externalId}.
 */
@ApplicationScoped
public class BulkItemReader {

  private static final java.util.regex.Pattern EXTERNAL_ID =
      java.util.regex.Pattern.compile(PartnerOfferResource.EXTERNAL_ID);

  @Inject ObjectMapper json;
  @Inject Validator validator;

  /** Items of a JSON array. */
  public List<BulkItem> fromArray(JsonNode array) {
    if (array == null || !array.isArray()) {
      throw new org.lernstadt.platform.web.ProblemException(
          400,
          "Bad Request",
          "A bulk request is a JSON array of offers (or NDJSON, one offer per line).",
          List.of(new FieldError("$", "must be an array")));
    }
    List<BulkItem> items = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      items.add(read(i, array.get(i)));
    }
    return items;
  }

  /** Items of newline-delimited JSON; blank lines are skipped. */
  public List<BulkItem> fromLines(String body) {
    List<BulkItem> items = new ArrayList<>();
    String[] lines = body == null ? new String[0] : body.split("\r?\n");
    int index = 0;
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        items.add(read(index, json.readTree(line)));
      } catch (Exception e) {
        items.add(BulkItem.rejected(index, null, List.of(new FieldError("$", "not valid JSON"))));
      }
      index++;
    }
    return items;
  }

  private BulkItem read(int index, JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return BulkItem.rejected(index, null, List.of(new FieldError("$", "must be an object")));
    }
    ObjectNode offer = object.deepCopy();
    JsonNode id = offer.remove("externalId");
    String externalId = id == null || !id.isTextual() ? null : id.asText();
    if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
      return BulkItem.rejected(
          index,
          externalId,
          List.of(new FieldError("externalId", "must be 1 to 100 of A-Z a-z 0-9 . _ : ~ -")));
    }
    OfferPush push;
    try {
      push = json.treeToValue(offer, OfferPush.class);
    } catch (JsonMappingException e) {
      return BulkItem.rejected(
          index, externalId, List.of(new FieldError(FieldErrors.field(e), "cannot be read")));
    } catch (Exception e) {
      return BulkItem.rejected(index, externalId, List.of(new FieldError("$", "cannot be read")));
    }
    var violations = validator.validate(push);
    if (!violations.isEmpty()) {
      return BulkItem.rejected(index, externalId, FieldErrors.of(violations));
    }
    return BulkItem.valid(index, externalId, push);
  }
}

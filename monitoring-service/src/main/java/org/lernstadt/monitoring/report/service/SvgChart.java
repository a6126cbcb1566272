package org.lernstadt.monitoring.report.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small line chart as inline SVG: the series, its forecast dashed, first and last period named.
 */
final class SvgChart {

  private static final int WIDTH = 360;
  private static final int HEIGHT = 140;
  private static final int PAD = 28;

  private SvgChart() {}

  static String line(
      String title, List<String> periods, List<Double> values, List<Double> forecast) {
    List<Double> all = new ArrayList<>();
    values.stream().filter(v -> v != null).forEach(all::add);
    all.addAll(forecast);
    if (all.isEmpty()) {
      return "";
    }
    double min = all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    if (max == min) {
      max = min + 1;
      min = min - 1;
    }
    int slots = Math.max(2, values.size() + forecast.size());
    double lo = min;
    double hi = max;
    StringBuilder svg = new StringBuilder();
    svg.append(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
            .formatted(WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append("<title>").append(Html.escape(title)).append("</title>");
    svg.append(
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>"
            .formatted(PAD, HEIGHT - PAD, WIDTH - 8, HEIGHT - PAD));
    svg.append(text(4, PAD - 6, fmt(hi), "start"));
    svg.append(text(4, HEIGHT - PAD + 4, fmt(lo), "start"));
    StringBuilder points = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    double[] last = null;
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v == null) {
        continue;
      }
      double x = x(i, slots);
      double y = y(v, lo, hi);
      points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
      dots.append(
          "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"#1f5fa8\"><title>%s: %s</title></circle>"
              .formatted(fmt(x), fmt(y), Html.escape(periods.get(i)), fmt(v)));
      last = new double[] {x, y};
    }
    svg.append(
        "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"%s\"/>"
            .formatted(points.toString().trim()));
    if (!forecast.isEmpty() && last != null) {
      StringBuilder dashed = new StringBuilder(fmt(last[0]) + "," + fmt(last[1]));
      for (int h = 0; h < forecast.size(); h++) {
        dashed
            .append(' ')
            .append(fmt(x(values.size() + h, slots)))
            .append(',')
            .append(fmt(y(forecast.get(h), lo, hi)));
      }
      svg.append(
          "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-dasharray=\"4 3\" points=\"%s\"/>"
              .formatted(dashed));
    }
    svg.append(dots);
    if (!periods.isEmpty()) {
      svg.append(text(x(0, slots), HEIGHT - 8, periods.getFirst(), "middle"));
      svg.append(text(x(periods.size() - 1, slots), HEIGHT - 8, periods.getLast(), "middle"));
    }
    return svg.append("</svg>").toString();
  }

  private static double x(int i, int slots) {
    return PAD + 10 + (double) i * (WIDTH - PAD - 28) / (slots - 1);
  }

  private static double y(double v, double lo, double hi) {
    return HEIGHT - PAD - (v - lo) / (hi - lo) * (HEIGHT - 2 * PAD);
  }

  private static String text(double x, double y, String s, String anchor) {
    return "<text x=\"%s\" y=\"%s\" font-size=\"10\" text-anchor=\"%s\" fill=\"#555\">%s</text>"
        .formatted(fmt(x), fmt(y), anchor, Html.escape(s));
  }

  static String fmt(double v) {
    // "%.2f" always has a decimal point, so only fraction zeros are stripped
    return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}

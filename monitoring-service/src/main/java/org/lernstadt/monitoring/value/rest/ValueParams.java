package org.lernstadt.monitoring.value.rest;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.lernstadt.monitoring.value.service.ValueFilter;

/** The query parameters of values and exports; see {@link ValueFilter}. */
public class ValueParams {

  @QueryParam("area")
  String area;

  @QueryParam("history")
  boolean history;

  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  @QueryParam("period")
  String period;

  @QueryParam("referenceDate")
  LocalDate referenceDate;

  @QueryParam("dimension")
  String dimension;

  @QueryParam("category")
  String category;

  ValueFilter filter() {
    return new ValueFilter(area, history, from, to, period, referenceDate, dimension, category);
  }
}

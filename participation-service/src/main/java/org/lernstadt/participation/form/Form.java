package org.lernstadt.participation.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lernstadt.participation.common.PlainText;
import org.lernstadt.platform.web.ProblemException;

/**
 * A form: the fields a survey asks or an observation project records. Checks its own definition and
 * the answers given to it, naming the field that is wrong.
 */
public record Form(List<FormField> fields) {

  /** The age bands of the monitoring. */
  public static final List<String> AGE_BANDS =
      List.of("0-5", "6-9", "10-15", "16-24", "25-44", "45-64", "65+");

  private static final java.util.regex.Pattern DISTRICT_CODE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,20}");

  public Form {
    fields = List.copyOf(fields);
  }

  /**
   * The definition as given, with defaults filled in; refuses duplicate codes, choices without
   * options and empty ranges.
   */
  public static Form define(List<FormField> given) {
    if (given == null || given.isEmpty()) {
      throw ProblemException.invalid("fields", "must have at least one field");
    }
    Set<String> codes = new HashSet<>();
    List<FormField> fields = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      FormField f = given.get(i);
      String at = "fields[" + i + "]";
      if (!codes.add(f.code())) {
        throw ProblemException.invalid(at + ".code", "is used twice");
      }
      List<FormField.Option> options = f.options() == null ? List.of() : f.options();
      Double min = f.min();
      Double max = f.max();
      Integer maxLength = null;
      switch (f.kind()) {
        case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
          if (options.size() < 2) {
            throw ProblemException.invalid(at + ".options", "a choice needs at least 2 options");
          }
          Set<String> optionCodes = new HashSet<>();
          for (FormField.Option o : options) {
            if (!optionCodes.add(o.code())) {
              throw ProblemException.invalid(
                  at + ".options", "option " + o.code() + " is used twice");
            }
          }
        }
        case SCALE -> {
          min = min == null ? 1 : Math.floor(min);
          max = max == null ? 5 : Math.floor(max);
        }
        case SHORT_TEXT -> {
          maxLength = f.maxLength() == null ? 200 : f.maxLength();
          if (maxLength < 1 || maxLength > 1000) {
            throw ProblemException.invalid(at + ".maxLength", "must be between 1 and 1000");
          }
        }
        default -> {}
      }
      if (min != null && max != null && min >= max) {
        throw ProblemException.invalid(at + ".max", "must be greater than min");
      }
      fields.add(
          new FormField(
              f.code(),
              f.kind(),
              PlainText.required(at + ".label", f.label(), 500),
              f.isRequired(),
              options,
              min,
              max,
              maxLength));
    }
    return new Form(fields);
  }

  /**
   * The answers checked against the fields: values of the right kind and range, required fields
   * present, no unknown field; free text as plain text.
   *
   * @param prefix how the answers object is named in error fields, e.g. {@code answers}
   */
  public Map<String, Object> check(String prefix, JsonNode answers) {
    if (answers == null || !answers.isObject()) {
      throw ProblemException.invalid(prefix, "must be an object of field code to value");
    }
    Map<String, FormField> byCode = new LinkedHashMap<>();
    fields.forEach(f -> byCode.put(f.code(), f));
    answers
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!byCode.containsKey(name)) {
                throw ProblemException.invalid(prefix + "." + name, "is not a field of this form");
              }
            });
    Map<String, Object> clean = new LinkedHashMap<>();
    for (FormField f : fields) {
      JsonNode value = answers.get(f.code());
      String at = prefix + "." + f.code();
      if (value == null || value.isNull()) {
        if (f.isRequired()) {
          throw ProblemException.invalid(at, "is required");
        }
        continue;
      }
      clean.put(f.code(), value(f, value, at));
    }
    return clean;
  }

  /** The district answered in the first DISTRICT field, or {@code null}. */
  public String district(Map<String, Object> answers) {
    return fields.stream()
        .filter(f -> f.kind() == FieldKind.DISTRICT)
        .map(f -> (String) answers.get(f.code()))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static Object value(FormField f, JsonNode value, String at) {
    switch (f.kind()) {
      case SINGLE_CHOICE -> {
        return option(f, value, at);
      }
      case MULTIPLE_CHOICE -> {
        if (!value.isArray() || value.isEmpty()) {
          throw ProblemException.invalid(at, "must be a non-empty list of option codes");
        }
        Set<String> chosen = new java.util.LinkedHashSet<>();
        value.forEach(v -> chosen.add(option(f, v, at)));
        return List.copyOf(chosen);
      }
      case SCALE, NUMBER -> {
        if (!value.isNumber()
            || (f.kind() == FieldKind.SCALE && !value.canConvertToExactIntegral())) {
          throw ProblemException.invalid(
              at, f.kind() == FieldKind.SCALE ? "must be a whole number" : "must be a number");
        }
        double number = value.asDouble();
        if ((f.min() != null && number < f.min()) || (f.max() != null && number > f.max())) {
          throw ProblemException.invalid(
              at, "must be between " + bound(f.min()) + " and " + bound(f.max()));
        }
        return f.kind() == FieldKind.SCALE ? (Object) value.asInt() : (Object) number;
      }
      case SHORT_TEXT -> {
        if (!value.isTextual()) {
          throw ProblemException.invalid(at, "must be text");
        }
        return PlainText.required(at, value.asText(), f.maxLength());
      }
      case DISTRICT -> {
        if (!value.isTextual() || !DISTRICT_CODE.matcher(value.asText()).matches()) {
          throw ProblemException.invalid(at, "must be a district code of the catalogue");
        }
        return value.asText();
      }
      case AGE_BAND -> {
        if (!value.isTextual() || !AGE_BANDS.contains(value.asText())) {
          throw ProblemException.invalid(at, "must be one of " + AGE_BANDS);
        }
        return value.asText();
      }
      default -> throw new IllegalStateException("Unknown kind " + f.kind());
    }
  }

  private static String option(FormField f, JsonNode value, String at) {
    if (value.isTextual()) {
      for (FormField.Option o : f.options()) {
        if (o.code().equals(value.asText())) {
          return o.code();
        }
      }
    }
    throw ProblemException.invalid(
        at, "must be one of " + f.options().stream().map(FormField.Option::code).toList());
  }

  private static String bound(Double value) {
    return value == null
        ? "any"
        : (value == Math.floor(value) ? String.valueOf(value.longValue()) : value.toString());
  }
}

package org.lernstadt.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Turns validation and JSON mapping failures into the fields a client sent, for problem details and
 * for per-item reports of bulk requests.
 */
public final class FieldErrors {

  private FieldErrors() {}

  /** One error per violation, sorted by field. */
  public static List<Problem.FieldError> of(
      Collection<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> new Problem.FieldError(field(v), v.getMessage()))
        .sorted(Comparator.comparing(Problem.FieldError::field))
        .toList();
  }

  /**
   * The field of a violation as the client sent it: the method and parameter names of the resource
   * are dropped, a query or path parameter keeps its own name.
   */
  public static String field(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        path.append('[').append(node.getKey()).append(']');
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(node.getName());
      }
    }
    if (path.isEmpty()) {
      return parameter == null ? "$" : parameter;
    }
    return path.toString();
  }

  /** A JSON path of the field, e.g. {@code items[2].title}, from Jackson's reference chain. */
  public static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }
}

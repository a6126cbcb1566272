package org.lernstadt.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code errors} lists each invalid field with the reason, so a
 * client can show the message next to the field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

  /**
   * One field that was wrong and why. {@code field} is a JSON path such as {@code items[3].title}.
   */
  public record FieldError(String field, String message) {}

  public static Problem of(Response.StatusType status, String detail) {
    return of(status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
  }

  public static Problem of(int status, String title, String detail, List<FieldError> errors) {
    return new Problem(
        URI.create("about:blank"),
        title,
        status,
        detail,
        null,
        errors == null ? List.of() : errors);
  }

  public Problem withInstance(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }
}

package org.lernstadt.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers every error of a Lernstadt REST API as RFC 9457 problem details. Clients get the field
 * and the reason; they never get a stack trace.
 */
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  private static final Pattern LOST_CONNECTION_STATE = Pattern.compile("\\((08...|57P0[123])\\)");
  private static final String RETRY_AFTER_SECONDS = "5";

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return respond(e.problem(), uri);
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors = FieldErrors.of(e.getConstraintViolations());
    return respond(
        Problem.of(422, "Unprocessable Content", "The request has invalid values.", errors), uri);
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
    return badRequest(
        "The request has a field this API does not know.",
        FieldErrors.field(e),
        "unknown field; known fields are " + e.getKnownPropertyIds(),
        uri);
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
    return badRequest(
        "The request has a value of the wrong type.",
        FieldErrors.field(e),
        "cannot be read as " + e.getTargetType().getSimpleName(),
        uri);
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    String target =
        e.getTargetType() == null ? "the expected type" : e.getTargetType().getSimpleName();
    return badRequest(
        "The request body does not have the expected shape.",
        FieldErrors.field(e),
        "cannot be read as " + target,
        uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    var location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return respond(
        Problem.of(
            400, "Bad Request", "The request body is not valid JSON" + where + ".", List.of()),
        uri);
  }

  @ServerExceptionMapper
  public Response unauthorized(UnauthorizedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return unauthenticated(uri);
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return respond(
        Problem.of(403, "Forbidden", "Your role does not allow this request.", List.of()), uri);
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    // The JSON reader wraps a syntax error in a 400 of its own.
    if (e.getCause() instanceof JsonProcessingException unreadable) {
      return malformedJson(unreadable, uri);
    }
    Response.StatusType status = e.getResponse().getStatusInfo();
    if (status.getStatusCode() >= 500) {
      return unexpected(e, uri);
    }
    Response.ResponseBuilder answer =
        Response.fromResponse(
                Problem.of(status, detailFor(status.getStatusCode()))
                    .withInstance(uri.getPath())
                    .toResponse())
            .type(Problem.MEDIA);
    // Keep headers that tell the client what to do next (Allow on 405, Retry-After on 429).
    e.getResponse()
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> answer.header(name, v));
              }
            });
    return answer.build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (unreachable(e)) {
      LOG.warnf("Database unreachable on %s: %s", uri.getPath(), e);
      return Response.fromResponse(
              respond(
                  Problem.of(
                      503,
                      "Service Unavailable",
                      "The service's database cannot be reached at the moment; try again shortly.",
                      List.of()),
                  uri))
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .build();
    }
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getPath());
    return respond(
        Problem.of(
            500,
            "Internal Server Error",
            "The request could not be completed. Quote error id " + errorId + " when reporting it.",
            List.of()),
        uri);
  }

  /**
   * Whether the failure is a connection to the database that could not be opened or was lost: a
   * refused connection, a closed one, or the server shutting down (SQL states 57P01 to 57P03) or
   * refusing connections (class 08). Matched by name, as this module does not depend on the
   * database client.
   */
  static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String type = t.getClass().getName();
      String message = String.valueOf(t.getMessage());
      if (t instanceof ConnectException
          || t instanceof ClosedChannelException
          || type.equals("io.vertx.sqlclient.ClosedConnectionException")
          || (type.equals("io.vertx.pgclient.PgException")
              && LOST_CONNECTION_STATE.matcher(message).find())
          || message.startsWith("Connection is not active now")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static Response unauthenticated(UriInfo uri) {
    return Response.fromResponse(
            respond(
                Problem.of(
                    401,
                    "Unauthorized",
                    "A valid bearer token for this service is required.",
                    List.of()),
                uri))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  private static Response badRequest(String detail, String field, String reason, UriInfo uri) {
    return respond(
        Problem.of(400, "Bad Request", detail, List.of(new Problem.FieldError(field, reason))),
        uri);
  }

  private static Response respond(Problem problem, UriInfo uri) {
    return problem.withInstance(uri.getPath()).toResponse();
  }

  private static String detailFor(int status) {
    return switch (status) {
      case 404 -> "No resource exists at this path.";
      case 405 -> "This method is not allowed on this resource.";
      case 406 -> "None of the accepted media types can be produced.";
      case 415 -> "This media type is not supported here.";
      default -> "The request could not be processed.";
    };
  }
}

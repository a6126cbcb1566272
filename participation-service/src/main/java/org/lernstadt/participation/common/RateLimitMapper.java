package org.lernstadt.participation.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.lernstadt.platform.web.Problem;

/** A refused burst as problem details with {@code Retry-After}. */
public class RateLimitMapper {

  @ServerExceptionMapper
  public Response tooManyRequests(TooManyRequestsException e, UriInfo uri) {
    return Response.fromResponse(
            Problem.of(429, "Too Many Requests", e.getMessage(), List.of())
                .withInstance(uri.getPath())
                .toResponse())
        .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
        .build();
  }
}

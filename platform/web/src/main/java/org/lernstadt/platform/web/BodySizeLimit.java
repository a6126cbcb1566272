package org.lernstadt.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is larger than {@code lernstadt.http.max-body-size} with
 * 413 problem details, before any of it is read.
 */
@ApplicationScoped
public class BodySizeLimit {

  @Inject ObjectMapper json;

  @ConfigProperty(name = "lernstadt.http.max-body-size", defaultValue = "1048576")
  long maxBodySize;

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 100)
        .handler(
            ctx -> {
              String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
              if (length != null && exceeds(length)) {
                Problem problem =
                    Problem.of(
                            413,
                            "Content Too Large",
                            "The request body is larger than " + maxBodySize + " bytes.",
                            List.of())
                        .withInstance(ctx.request().path());
                try {
                  ctx.response()
                      .setStatusCode(413)
                      .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                      .putHeader(HttpHeaders.CONNECTION, "close")
                      .end(json.writeValueAsString(problem));
                } catch (Exception e) {
                  ctx.fail(413, e);
                }
                return;
              }
              ctx.next();
            });
  }

  private boolean exceeds(String contentLength) {
    try {
      return Long.parseLong(contentLength.trim()) > maxBodySize;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

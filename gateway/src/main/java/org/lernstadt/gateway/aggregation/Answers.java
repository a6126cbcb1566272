package org.lernstadt.gateway.aggregation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.lernstadt.gateway.caching.PublicResponseCache;
import org.lernstadt.gateway.routing.DownstreamResponse;

/**
 * Answers an aggregation. Complete answers to anonymous callers are public: they get an ETag, a
 * short cache lifetime and are kept for a few seconds, so a repeated or conditional request is
 * answered without calling the services. Partial answers and answers for a signed-in caller are
 * never kept.
 */
@ApplicationScoped
public class Answers {

  private final PublicResponseCache cache;
  private final ObjectMapper json;

  Answers(PublicResponseCache cache, ObjectMapper json) {
    this.cache = cache;
    this.json = json;
  }

  public <T> Uni<Response> respond(
      String key,
      HttpHeaders request,
      Supplier<Uni<T>> gather,
      Function<T, List<Missing>> missingOf) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
    String cacheKey = "api " + key;
    if (authorization == null) {
      PublicResponseCache.Entry kept = cache.fresh(cacheKey);
      if (kept != null) {
        return Uni.createFrom()
            .item(publicAnswer(kept.response().body(), kept.etag(), ifNoneMatch));
      }
    }
    return gather
        .get()
        .map(
            value -> {
              Buffer body = Buffer.buffer(serialise(value));
              if (authorization != null || !missingOf.apply(value).isEmpty()) {
                return Response.ok(body.getBytes(), MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
              }
              String etag =
                  cache.remember(
                      cacheKey,
                      new DownstreamResponse(
                          200,
                          MultiMap.caseInsensitiveMultiMap()
                              .add(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON),
                          body));
              return publicAnswer(body, etag, ifNoneMatch);
            });
  }

  private Response publicAnswer(Buffer body, String etag, String ifNoneMatch) {
    Response.ResponseBuilder answer =
        PublicResponseCache.matches(ifNoneMatch, etag)
            ? Response.notModified()
            : Response.ok(body.getBytes(), MediaType.APPLICATION_JSON_TYPE);
    return answer
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + cache.maxAgeSeconds())
        .build();
  }

  private byte[] serialise(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Aggregated views are plain records and JSON trees", e);
    }
  }
}

package org.lernstadt.gateway.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.lernstadt.gateway.routing.DownstreamException;
import org.lernstadt.gateway.routing.Downstreams;

/** JSON reads from the services for aggregations, with the caller's token relayed. */
@ApplicationScoped
public class ServiceCalls {

  /** A service answered, but not with success; the status says why. */
  public static class RefusedException extends RuntimeException {
    private final int status;

    RefusedException(String service, int status) {
      super(service + " answered " + status);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Downstreams downstreams;
  private final ObjectMapper json;

  ServiceCalls(Downstreams downstreams, ObjectMapper json) {
    this.downstreams = downstreams;
    this.json = json;
  }

  public Uni<JsonNode> read(String service, String pathAndQuery, String authorization) {
    return downstreams
        .get(service, pathAndQuery, authorization)
        .map(
            response -> {
              if (!response.successful()) {
                throw new RefusedException(service, response.status());
              }
              try {
                return json.readTree(response.body().getBytes());
              } catch (IOException e) {
                throw new DownstreamException(
                    service + " answered with a body that is not JSON", e);
              }
            });
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

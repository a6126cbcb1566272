package org.lernstadt.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.lernstadt.gateway.GatewayConfig;
import org.lernstadt.gateway.routing.Downstreams;

/**
 * Readiness with the services' readiness in its data. The gateway stays ready when a service is
 * down (it still answers the others' routes and partial screens; the data says {@code degraded});
 * only a service configured as essential makes it unready.
 */
@Readiness
@ApplicationScoped
public class ServicesHealthCheck implements AsyncHealthCheck {

  private final Downstreams downstreams;
  private final GatewayConfig config;

  ServicesHealthCheck(Downstreams downstreams, GatewayConfig config) {
    this.downstreams = downstreams;
    this.config = config;
  }

  private record State(String service, boolean up) {}

  @Override
  public Uni<HealthCheckResponse> call() {
    List<Uni<State>> states =
        config.serviceNames().stream()
            .map(
                service ->
                    downstreams
                        .get(service, "/q/health/ready", null)
                        .map(response -> new State(service, response.successful()))
                        .onFailure()
                        .recoverWithItem(new State(service, false)))
            .toList();
    return Uni.join()
        .all(states)
        .andFailFast()
        .map(
            all -> {
              HealthCheckResponseBuilder answer = HealthCheckResponse.named("services");
              boolean essentialDown = false;
              boolean anyDown = false;
              for (State state : all) {
                answer.withData(state.service(), state.up() ? "UP" : "DOWN");
                if (!state.up()) {
                  anyDown = true;
                  essentialDown |= config.services().get(state.service()).essential();
                }
              }
              return answer.withData("degraded", anyDown).status(!essentialDown).build();
            });
  }
}

package org.lernstadt.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.ServiceApplication;

/**
 * Starts the four services' real applications against the test servers (each with a fresh
 * database), plus a {@link MisbehavingService} under the route name {@code stub}, and points the
 * gateway at them.
 */
public class PlatformServicesResource implements QuarkusTestResourceLifecycleManager {

  static final List<String> SERVICES =
      List.of("catalogue", "counseling", "participation", "monitoring");

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private List<ServiceApplication> applications = List.of();
  private MisbehavingService stub;

  @Override
  public Map<String, String> start() {
    PostgresTestResource.server();
    KafkaTestResource.server();
    KeycloakTestResource.server();
    List<CompletableFuture<ServiceApplication>> starting =
        SERVICES.stream()
            .map(
                name ->
                    CompletableFuture.supplyAsync(
                        () ->
                            ServiceApplication.start(
                                name + "-service", "gateway_" + name, START_TIMEOUT)))
            .toList();
    applications = starting.stream().map(CompletableFuture::join).toList();
    stub = MisbehavingService.start();
    Map<String, String> config = new HashMap<>();
    for (ServiceApplication app : applications) {
      String name = app.module().replace("-service", "");
      config.put("lernstadt.gateway.services." + name + ".url", app.url().toString());
    }
    config.put("lernstadt.gateway.services.stub.url", stub.url());
    return config;
  }

  @Override
  public void stop() {
    applications.forEach(ServiceApplication::close);
    if (stub != null) {
      stub.close();
    }
  }
}

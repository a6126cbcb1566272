package org.lernstadt.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StackConfigTest {

  @Test
  void defaults() {
    StackConfig config = StackConfig.parse(new String[] {});
    assertEquals(StackConfig.Command.UP, config.command());
    assertEquals(config.root().resolve(".lernstadt"), config.dataDir());
    assertFalse(config.fresh());
    assertFalse(config.onlyInfra());
    assertEquals(8080, config.port("gateway"));
    assertEquals(8081, config.port("catalogue"));
    assertEquals(8084, config.port("monitoring"));
    assertEquals(8180, config.port(StackConfig.KEYCLOAK));
    assertEquals(15432, config.port(StackConfig.POSTGRES));
    assertEquals(9092, config.port(StackConfig.KAFKA));
    assertEquals(9093, config.port(StackConfig.KAFKA_CONTROLLER));
    assertEquals(Duration.ofSeconds(180), config.serviceTimeout());
  }

  @Test
  void options() {
    StackConfig config =
        StackConfig.parse(
            new String[] {
              "up",
              "--fresh",
              "--only-infra",
              "--data",
              "/srv/lernstadt-data",
              "--port",
              "kafka=19092",
              "--port",
              "gateway=18080",
              "--timeout",
              "30",
              "--parallel",
              "2",
              "--no-build"
            });
    assertTrue(config.fresh());
    assertTrue(config.onlyInfra());
    assertEquals(Path.of("/srv/lernstadt-data"), config.dataDir());
    assertEquals(19092, config.port(StackConfig.KAFKA));
    assertEquals(18080, config.port("gateway"));
    assertEquals(9093, config.port(StackConfig.KAFKA_CONTROLLER));
    assertEquals(Duration.ofSeconds(30), config.serviceTimeout());
    assertEquals(2, config.parallel());
  }

  @Test
  void help() {
    assertEquals(StackConfig.Command.HELP, StackConfig.parse(new String[] {"help"}).command());
    assertTrue(StackConfig.usage().contains("--only-infra"));
  }

  @Test
  void mistakesAreNamed() {
    var unknown =
        assertThrows(
            StackConfig.UsageException.class, () -> StackConfig.parse(new String[] {"--frseh"}));
    assertTrue(unknown.getMessage().contains("--frseh"));
    var badPort =
        assertThrows(
            StackConfig.UsageException.class,
            () -> StackConfig.parse(new String[] {"--port", "kafak=1"}));
    assertTrue(badPort.getMessage().contains("kafka-controller"), badPort.getMessage());
    assertThrows(
        StackConfig.UsageException.class,
        () -> StackConfig.parse(new String[] {"--port", "kafka=70000"}));
    assertThrows(
        StackConfig.UsageException.class, () -> StackConfig.parse(new String[] {"--data"}));
  }
}

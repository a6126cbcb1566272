package org.lernstadt.counseling.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.Fixtures;

/**
 * Master key rotation on the real database: person keys wrapped with a retired master key are
 * rewrapped with the current one, every ciphertext stays readable, and the old master key is then
 * no longer needed (so destroying it makes the wrapped keys of older backups useless). The key
 * holders are built here with their own master keys (versions 7 and 8), so the service's own
 * persons (version 1) are not touched.
 */
@QuarkusTest
@QuarkusTestResource(
    value = org.lernstadt.platform.testing.PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(org.lernstadt.platform.testing.KafkaTestResource.class)
@QuarkusTestResource(org.lernstadt.platform.testing.KeycloakTestResource.class)
class KeyRotationTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject Pool pool;

  private static String newMasterKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static PersonKeys holder(String master, int version, List<String> retired) {
    PersonKeys keys = new PersonKeys();
    keys.masterKeyBase64 = master;
    keys.keyVersion = version;
    keys.retiredMasterKeys = Optional.of(retired);
    keys.init();
    return keys;
  }

  @Test
  void rotationRewrapsEveryPersonKeyAndTheOldMasterKeyCanGo() throws Exception {
    String oldMaster = newMasterKey();
    String newMaster = newMasterKey();
    PersonKeys before = holder(oldMaster, 7, List.of());
    PersonKey created = before.create(pool).await().atMost(WAIT);
    byte[] sealed = created.seal("Plantedname notes");

    PersonKeys during = holder(newMaster, 8, List.of("7:" + oldMaster));
    assertTrue(during.rewrap(pool, 1000).await().atMost(WAIT) >= 1);
    assertEquals(0, during.rewrap(pool, 1000).await().atMost(WAIT));
    assertEquals(
        "8",
        Fixtures.query("select key_version from person where id = ?", created.personId())
            .get(0)
            .get("key_version"));

    // Only the new master key is needed now; the old one no longer opens the person's key.
    PersonKeys after = holder(newMaster, 8, List.of());
    assertEquals(
        "Plantedname notes",
        after.load(pool, created.personId()).await().atMost(WAIT).orElseThrow().open(sealed));
    assertThrows(
        IllegalStateException.class,
        () -> before.load(pool, created.personId()).await().atMost(WAIT));
    // A retired key must name its version.
    assertThrows(IllegalStateException.class, () -> holder(newMaster, 8, List.of(oldMaster)));
    assertThrows(
        IllegalStateException.class, () -> holder(newMaster, 8, List.of("8:" + oldMaster)));
    // Unrelated persons of the service (version 1) were left alone.
    assertEquals(
        0, Fixtures.count("select count(*) from person where key_version not in ('1', '8')"));
  }
}

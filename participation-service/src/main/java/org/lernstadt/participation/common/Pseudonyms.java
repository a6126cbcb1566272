package org.lernstadt.participation.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The opaque participant pseudonym of the events: an HMAC of the citizen's subject and the dialogue
 * id under a service secret. Stable per citizen within one dialogue, so the monitoring can count
 * distinct participants; unrelated across dialogues and not reversible without the secret.
 *
 * <p>The secret comes from {@code lernstadt.participation.pseudonym-secret} if set, else from the
 * database, where the first instance stores a random one: pseudonyms stay stable across restarts
 * and instances without a secret to hand out.
 */
@ApplicationScoped
public class Pseudonyms {

  private static final String STORE =
      "insert into pseudonym_key (id, secret) values (1, $1) on conflict (id) do nothing";
  private static final String LOAD = "select secret from pseudonym_key where id = 1";

  @Inject Pool pool;

  @ConfigProperty(name = "lernstadt.participation.pseudonym-secret")
  Optional<String> configured;

  private volatile byte[] secret;

  /** The pseudonym of the subject in the dialogue. */
  public Uni<String> of(String subject, UUID dialogueId) {
    return secret().map(key -> hmac(key, subject + "\n" + dialogueId));
  }

  private Uni<byte[]> secret() {
    byte[] known = secret;
    if (known != null) {
      return Uni.createFrom().item(known);
    }
    if (configured.isPresent() && !configured.get().isBlank()) {
      secret = configured.get().getBytes(StandardCharsets.UTF_8);
      return Uni.createFrom().item(secret);
    }
    byte[] candidate = new byte[32];
    new SecureRandom().nextBytes(candidate);
    return pool.preparedQuery(STORE)
        .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(candidate)))
        .chain(() -> pool.query(LOAD).execute())
        .map(
            rows -> {
              byte[] stored = rows.iterator().next().getBuffer("secret").getBytes();
              secret = stored;
              return stored;
            });
  }

  private static String hmac(byte[] key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      // 128 bits are plenty to keep pseudonyms apart and keep events short.
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(java.util.Arrays.copyOf(digest, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}

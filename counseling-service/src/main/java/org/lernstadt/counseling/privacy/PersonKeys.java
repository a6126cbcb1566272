package org.lernstadt.counseling.privacy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.counseling.common.Sql;

/**
 * Envelope encryption per person: each person has a random data key, stored only wrapped (AES-GCM)
 * with the master key from the configuration. Erasure destroys the wrapped key, after which no
 * ciphertext of the person can be read, in backups neither.
 */
@ApplicationScoped
public class PersonKeys {

  @ConfigProperty(name = "lernstadt.counseling.master-key")
  String masterKeyBase64;

  @ConfigProperty(name = "lernstadt.counseling.master-key-version", defaultValue = "1")
  String keyVersion;

  private SecretKey master;
  private SecretKeySpec pseudonymKey;

  @PostConstruct
  void init() {
    byte[] bytes = Base64.getDecoder().decode(masterKeyBase64.trim());
    if (bytes.length != 32) {
      throw new IllegalStateException(
          "lernstadt.counseling.master-key must be 32 bytes, base64; it has " + bytes.length);
    }
    master = new SecretKeySpec(bytes, "AES");
    pseudonymKey =
        new SecretKeySpec(hmac(new SecretKeySpec(bytes, "HmacSHA256"), "pseudonyms"), "HmacSHA256");
  }

  /** Creates a person with a fresh data key; the row is written on the caller's transaction. */
  public Uni<PersonKey> create(SqlClient sql) {
    UUID id = UUID.randomUUID();
    byte[] key = PersonKey.newKeyBytes();
    byte[] wrapped = PersonKey.seal(master, key, id);
    return sql.preparedQuery(
            "insert into person (id, wrapped_key, key_version) values ($1, $2, $3)")
        .execute(Tuple.of(id, Sql.bytes(wrapped), keyVersion))
        .replaceWith(new PersonKey(id, key));
  }

  /** The person's key, or empty once the person was erased. */
  public Uni<Optional<PersonKey>> load(SqlClient sql, UUID personId) {
    return sql.preparedQuery("select wrapped_key from person where id = $1")
        .execute(Tuple.of(personId))
        .map(Sql.first(row -> Optional.ofNullable(Sql.bytes(row, "wrapped_key"))))
        .map(found -> found.flatMap(w -> w).map(w -> unwrap(personId, w)));
  }

  /** Destroys the person's key: everything sealed with it is unreadable from now on. */
  public Uni<Boolean> destroy(SqlClient sql, UUID personId) {
    return sql.preparedQuery(
            "update person set wrapped_key = null, erased_at = now()"
                + " where id = $1 and wrapped_key is not null")
        .execute(Tuple.of(personId))
        .map(rows -> rows.rowCount() == 1);
  }

  /** A stable pseudonym (hex HMAC) of a value, keyed by the master key; not reversible. */
  public String pseudonym(String value) {
    return HexFormat.of().formatHex(hmac(pseudonymKey, value));
  }

  /** The key of a person from its wrapped form, as read together with the person's rows. */
  public PersonKey unwrap(UUID personId, byte[] wrapped) {
    return new PersonKey(personId, PersonKey.open(master, wrapped, personId));
  }

  private static byte[] hmac(SecretKeySpec key, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 failed", e);
    }
  }
}

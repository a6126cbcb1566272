package org.lernstadt.counseling.privacy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.counseling.common.Sql;

/**
 * Envelope encryption per person: each person has a random data key, stored only wrapped (AES-GCM)
 * with the master key from the configuration, prefixed by the master key's version. Erasure
 * destroys the wrapped key, after which no ciphertext of the person can be read; rotating the
 * master key and destroying the old one makes the wrapped keys in older backups useless too.
 */
@ApplicationScoped
public class PersonKeys {

  @ConfigProperty(name = "lernstadt.counseling.master-key")
  String masterKeyBase64;

  @ConfigProperty(name = "lernstadt.counseling.master-key-version", defaultValue = "1")
  int keyVersion;

  /**
   * Master keys being retired, {@code version:base64} each: person keys wrapped with them are still
   * read, and rewrapped with the current one by {@link #rewrap}; once none is left, the old master
   * key can be destroyed, and with it every wrapped key in older backups.
   */
  @ConfigProperty(name = "lernstadt.counseling.retired-master-keys")
  Optional<List<String>> retiredMasterKeys;

  private final Map<Integer, SecretKey> masters = new HashMap<>();
  private SecretKeySpec pseudonymKey;

  @PostConstruct
  void init() {
    byte[] current = decode("lernstadt.counseling.master-key", masterKeyBase64);
    masters.put(keyVersion, new SecretKeySpec(current, "AES"));
    for (String retired : retiredMasterKeys.orElse(List.of())) {
      String[] parts = retired.trim().split(":", 2);
      if (parts.length != 2 || !parts[0].matches("[0-9]{1,9}")) {
        throw new IllegalStateException(
            "lernstadt.counseling.retired-master-keys: expected version:base64, got a value"
                + " without a numeric version");
      }
      int version = Integer.parseInt(parts[0]);
      if (version == keyVersion) {
        throw new IllegalStateException("a retired master key has the current version " + version);
      }
      masters.put(
          version,
          new SecretKeySpec(decode("lernstadt.counseling.retired-master-keys", parts[1]), "AES"));
    }
    pseudonymKey =
        new SecretKeySpec(
            hmac(new SecretKeySpec(current, "HmacSHA256"), "pseudonyms"), "HmacSHA256");
  }

  private static byte[] decode(String property, String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64.trim());
    if (bytes.length != 32) {
      throw new IllegalStateException(
          property + " must be 32 bytes, base64; one has " + bytes.length);
    }
    return bytes;
  }

  /** Creates a person with a fresh data key; the row is written on the caller's transaction. */
  public Uni<PersonKey> create(SqlClient sql) {
    UUID id = UUID.randomUUID();
    byte[] key = PersonKey.newKeyBytes();
    return sql.preparedQuery(
            "insert into person (id, wrapped_key, key_version) values ($1, $2, $3)")
        .execute(Tuple.of(id, Sql.bytes(wrap(id, key)), Integer.toString(keyVersion)))
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

  /**
   * Rewraps up to {@code limit} person keys wrapped with a retired master key with the current one;
   * returns how many. The data keys, and so all ciphertext, stay as they are.
   */
  public Uni<Integer> rewrap(Pool pool, int limit) {
    String[] retired =
        masters.keySet().stream()
            .filter(v -> v != keyVersion)
            .map(String::valueOf)
            .toArray(String[]::new);
    if (retired.length == 0) {
      return Uni.createFrom().item(0);
    }
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "select id, wrapped_key from person where key_version = any($1)"
                        + " and wrapped_key is not null limit $2 for update skip locked")
                .execute(Tuple.of(retired, limit))
                .map(
                    Sql.<Tuple>all(
                        r -> {
                          UUID id = r.getUUID("id");
                          byte[] key = unwrapBytes(id, Sql.bytes(r, "wrapped_key"));
                          return Tuple.of(
                              id, Sql.bytes(wrap(id, key)), Integer.toString(keyVersion));
                        }))
                .chain(
                    rows ->
                        rows.isEmpty()
                            ? Uni.createFrom().item(0)
                            : conn.preparedQuery(
                                    "update person set wrapped_key = $2, key_version = $3"
                                        + " where id = $1")
                                .executeBatch(rows)
                                .replaceWith(rows.size())));
  }

  /** The key of a person from its wrapped form, as read together with the person's rows. */
  public PersonKey unwrap(UUID personId, byte[] wrapped) {
    return new PersonKey(personId, unwrapBytes(personId, wrapped));
  }

  /** {@code version (4 bytes) || AES-GCM of the data key under that master key}. */
  private byte[] wrap(UUID personId, byte[] key) {
    byte[] sealed = PersonKey.seal(masters.get(keyVersion), key, personId);
    return ByteBuffer.allocate(4 + sealed.length).putInt(keyVersion).put(sealed).array();
  }

  private byte[] unwrapBytes(UUID personId, byte[] wrapped) {
    ByteBuffer buffer = ByteBuffer.wrap(wrapped);
    int version = buffer.getInt();
    SecretKey master = masters.get(version);
    if (master == null) {
      throw new IllegalStateException(
          "The key of person "
              + personId
              + " is wrapped with master key version "
              + version
              + ", which is not configured");
    }
    return PersonKey.open(master, Arrays.copyOfRange(wrapped, 4, wrapped.length), personId);
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

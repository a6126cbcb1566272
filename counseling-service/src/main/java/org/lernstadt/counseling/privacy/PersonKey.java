package org.lernstadt.counseling.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data key of one person (AES-256-GCM), unwrapped for the length of one request. Every
 * ciphertext is bound to the person's id (associated data), so a value copied to another person's
 * row does not decrypt.
 */
public final class PersonKey {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final UUID personId;
  private final SecretKey key;

  PersonKey(UUID personId, byte[] key) {
    this.personId = personId;
    this.key = new SecretKeySpec(key, "AES");
  }

  public UUID personId() {
    return personId;
  }

  /** The text encrypted as {@code iv || ciphertext || tag}; null stays null. */
  public byte[] seal(String text) {
    return text == null ? null : seal(key, text.getBytes(StandardCharsets.UTF_8), personId);
  }

  /** The text of a value sealed with this key; null stays null. */
  public String open(byte[] sealed) {
    return sealed == null ? null : new String(open(key, sealed, personId), StandardCharsets.UTF_8);
  }

  static byte[] seal(SecretKey key, byte[] plain, UUID boundTo) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(boundTo.toString().getBytes(StandardCharsets.US_ASCII));
      byte[] body = cipher.doFinal(plain);
      byte[] out = new byte[IV_BYTES + body.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(body, 0, out, IV_BYTES, body.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  static byte[] open(SecretKey key, byte[] sealed, UUID boundTo) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
      cipher.updateAAD(boundTo.toString().getBytes(StandardCharsets.US_ASCII));
      return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed for person " + boundTo, e);
    }
  }

  static byte[] newKeyBytes() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return key;
  }
}

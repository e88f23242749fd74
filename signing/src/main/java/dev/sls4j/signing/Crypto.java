package dev.sls4j.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digests and MACs the signers need. Looking an algorithm up and keying a MAC cost more than hashing a request,
 * so each thread keeps its own instances, and a MAC stays keyed while the key stays the same. Every JRE has these
 * algorithms: their absence is a broken JRE.
 */
final class Crypto {
  private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> digest("MD5"));
  static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> digest("SHA-256"));
  static final ThreadLocal<KeyedMac> HMAC_SHA1 = ThreadLocal.withInitial(() -> new KeyedMac("HmacSHA1"));
  static final ThreadLocal<KeyedMac> HMAC_SHA256 = ThreadLocal.withInitial(() -> new KeyedMac("HmacSHA256"));

  private Crypto() {}

  static byte[] digest(ThreadLocal<MessageDigest> algorithm, byte[] input) {
    return algorithm.get().digest(input); // digest() resets the instance for its next use
  }

  /** A MAC that keeps its key between uses by one thread. */
  static final class KeyedMac {
    private final Mac mac;
    private byte[] key;
    private String keyText;

    KeyedMac(String algorithm) {
      try {
        this.mac = Mac.getInstance(algorithm);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(algorithm + " is not available in this JRE", e);
      }
    }

    /** Signs with the UTF-8 bytes of {@code key}; an unchanged key costs one comparison, not an encoding. */
    byte[] sign(String key, byte[] data) {
      if (!key.equals(keyText)) {
        init(key.getBytes(StandardCharsets.UTF_8));
        keyText = key;
      }
      return mac.doFinal(data); // doFinal() resets the MAC, keeping its key
    }

    byte[] sign(byte[] key, byte[] data) {
      if (!Arrays.equals(key, this.key)) init(key);
      return mac.doFinal(data);
    }

    private void init(byte[] key) {
      try {
        mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(mac.getAlgorithm() + " refused a key of " + key.length + " bytes", e);
      }
      this.key = key.clone();
      this.keyText = null;
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JRE", e);
    }
  }

  static String hexLower(byte[] bytes) {
    return hex(bytes, HEX_LOWER);
  }

  static String hexUpper(byte[] bytes) {
    return hex(bytes, HEX_UPPER);
  }

  private static String hex(byte[] bytes, char[] digits) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = digits[bytes[i] & 0xf];
    }
    return new String(out);
  }
}

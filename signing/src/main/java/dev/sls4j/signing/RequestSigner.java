package dev.sls4j.signing;

import java.time.Instant;

/**
 * Signs requests the way SLS verifies them. A pure function of its arguments: implementations are immutable and
 * safe to share between threads.
 */
public interface RequestSigner {

  /**
   * Computes the headers that sign {@code request} with {@code credentials} at {@code now}.
   *
   * @throws NullPointerException if an argument is null
   */
  SigningResult sign(SignableRequest request, Credentials credentials, Instant now);

  /** Signature version 1: {@code Authorization: LOG <AccessKeyId>:<Base64 HMAC-SHA1>}, with {@code Date}. */
  static RequestSigner v1() {
    return V1Signer.INSTANCE;
  }

  /**
   * Signature version 4: {@code SLS4-HMAC-SHA256}, scoped to a region such as {@code cn-hangzhou}.
   *
   * @throws IllegalArgumentException if the region is null or blank
   */
  static RequestSigner v4(String region) {
    return new V4Signer(region);
  }
}

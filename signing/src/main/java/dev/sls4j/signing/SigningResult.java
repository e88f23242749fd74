package dev.sls4j.signing;

import java.util.Collections;
import java.util.Map;

/**
 * What signing produced: the headers to add to the request (the {@code Authorization} header among them) and the
 * intermediate strings, so that tests and debugging can compare them with the server's.
 */
public final class SigningResult {
  private final Map<String, String> headers;
  private final String canonicalRequest;
  private final String stringToSign;

  /** Takes {@code headers} as it is: the signers hand over a map they keep no reference to. */
  SigningResult(Map<String, String> headers, String canonicalRequest, String stringToSign) {
    this.headers = Collections.unmodifiableMap(headers);
    this.canonicalRequest = canonicalRequest;
    this.stringToSign = stringToSign;
  }

  /** Headers to set on the request, replacing any of the same name; includes {@code Authorization}. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The v4 canonical request; null for v1, which has none. */
  public String canonicalRequest() {
    return canonicalRequest;
  }

  /** The string the HMAC was computed over. */
  public String stringToSign() {
    return stringToSign;
  }

  /** Lists the header names only: values include the signature and, with STS, the token. */
  @Override
  public String toString() {
    return "SigningResult{headers=" + headers.keySet() + "}";
  }
}

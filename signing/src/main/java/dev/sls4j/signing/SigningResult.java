package dev.sls4j.signing;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What signing produced: the headers to add to the request (the {@code Authorization} header among them) and the
 * intermediate strings, so that tests and debugging can compare them with the server's.
 */
public final class SigningResult {
  private final String[] names;
  private final String[] values;
  private final int count;
  private final String canonicalRequest;
  private final String stringToSign;
  /** Made when first asked for: the interceptor reads the arrays, and a map per request is not free. */
  private volatile Map<String, String> headers;

  /** Takes the arrays as they are: the signers hand over arrays they keep no reference to. */
  SigningResult(String[] names, String[] values, int count, String canonicalRequest, String stringToSign) {
    this.names = names;
    this.values = values;
    this.count = count;
    this.canonicalRequest = canonicalRequest;
    this.stringToSign = stringToSign;
  }

  /** Headers to set on the request, replacing any of the same name; includes {@code Authorization}. */
  public Map<String, String> headers() {
    Map<String, String> map = headers;
    if (map == null) {
      Map<String, String> built = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) built.put(names[i], values[i]);
      headers = map = Collections.unmodifiableMap(built);
    }
    return map;
  }

  int headerCount() {
    return count;
  }

  String headerName(int index) {
    return names[index];
  }

  String headerValue(int index) {
    return values[index];
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
    return "SigningResult{headers=" + Arrays.asList(names).subList(0, count) + "}";
  }
}

package dev.sls4j.signing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parts of an HTTP request that SLS signatures cover, independent of any HTTP library.
 *
 * <p>Query parameters are held decoded (as the server sees them after decoding); the path is held as sent on the
 * wire. Header names are compared case-insensitively and kept lower-cased.
 */
public final class SignableRequest {
  private final String method;
  private final String host;
  private final String encodedPath;
  private final List<QueryParameter> queryParameters;
  private final Map<String, String> headers;
  /** The map behind {@link #headers}, for the signers to walk without a wrapper per entry; never changed. */
  final TreeMap<String, String> sortedHeaders;
  private final byte[] body;

  private SignableRequest(Builder builder) {
    this.method = requireText(builder.method, "method");
    this.host = requireText(builder.host, "host");
    this.encodedPath = requireText(builder.encodedPath, "encodedPath");
    if (!encodedPath.startsWith("/")) {
      throw new IllegalArgumentException("encodedPath must start with '/': " + encodedPath);
    }
    // The builder hands its collections over and copies them itself if it is changed afterwards.
    this.queryParameters = Collections.unmodifiableList(builder.queryParameters);
    this.sortedHeaders = builder.headers;
    this.headers = Collections.unmodifiableMap(sortedHeaders);
    this.body = builder.body;
    builder.shared = true;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The HTTP method, upper case, e.g. {@code POST}. */
  public String method() {
    return method;
  }

  /** The value of the {@code Host} header, with the port when it is not the scheme's default. */
  public String host() {
    return host;
  }

  /** The path as sent, percent-encoded, starting with {@code /}. */
  public String encodedPath() {
    return encodedPath;
  }

  /** The decoded query parameters in the order they are sent; a parameter without value has an empty value. */
  public List<QueryParameter> queryParameters() {
    return queryParameters;
  }

  /** Headers to be sent, lower-cased names in sorted order; {@code Content-Type} included when there is a body. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The value of the header {@code name} (any case), or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The body bytes; empty when the request has no body. The array is shared: do not modify it. */
  byte[] body() {
    return body;
  }

  public int bodyLength() {
    return body.length;
  }

  @Override
  public String toString() {
    return "SignableRequest{" + method + " " + host + encodedPath
        + ", query=" + queryParameters + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes}";
  }

  /** One query parameter, decoded. */
  public static final class QueryParameter {
    private final String name;
    private final String value;

    public QueryParameter(String name, String value) {
      this.name = Objects.requireNonNull(name, "name == null");
      this.value = value == null ? "" : value;
    }

    public String name() {
      return name;
    }

    /** The decoded value; empty, never null, for {@code ?name} and {@code ?name=}. */
    public String value() {
      return value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof QueryParameter
          && name.equals(((QueryParameter) o).name)
          && value.equals(((QueryParameter) o).value);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + value.hashCode();
    }

    @Override
    public String toString() {
      return name + "=" + value;
    }
  }

  public static final class Builder {
    private static final byte[] EMPTY = new byte[0];

    private String method;
    private String host;
    private String encodedPath;
    private List<QueryParameter> queryParameters = new ArrayList<>();
    private TreeMap<String, String> headers = new TreeMap<>();
    private byte[] body = EMPTY;
    /** Whether a built request holds these collections, so that a change must copy them first. */
    private boolean shared;

    private Builder() {}

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder encodedPath(String encodedPath) {
      this.encodedPath = encodedPath;
      return this;
    }

    /** Adds a decoded query parameter; a null value stands for a parameter sent without {@code =}. */
    public Builder addQueryParameter(String name, String value) {
      unshare();
      queryParameters.add(new QueryParameter(name, value));
      return this;
    }

    /**
     * Adds every parameter of a query string as it arrived on the wire ({@code a=1&b=x%20y&c}), decoding
     * {@code %XX} escapes as UTF-8 and keeping {@code +} as a plus, as the service does. Null or empty adds none.
     */
    public Builder addEncodedQuery(String encodedQuery) {
      if (encodedQuery == null || encodedQuery.isEmpty()) return this;
      for (String pair : encodedQuery.split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        addQueryParameter(Canonical.percentDecode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? null : Canonical.percentDecode(pair.substring(eq + 1)));
      }
      return this;
    }

    /** Sets a header, replacing any of the same name in any case. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "header name == null");
      if (value == null) throw new NullPointerException("value of header " + name + " == null");
      unshare();
      headers.put(name.toLowerCase(Locale.ROOT), value);
      return this;
    }

    /** The body bytes, taken as they are (not copied); null or empty for none. */
    public Builder body(byte[] body) {
      this.body = body == null ? EMPTY : body;
      return this;
    }

    public SignableRequest build() {
      return new SignableRequest(this);
    }

    private void unshare() {
      if (!shared) return;
      queryParameters = new ArrayList<>(queryParameters);
      headers = new TreeMap<>(headers);
      shared = false;
    }
  }

  private static String requireText(String value, String name) {
    if (value == null) throw new NullPointerException(name + " == null");
    if (value.isEmpty()) throw new IllegalArgumentException(name + " must not be empty");
    return value;
  }
}

package dev.sls4j.client;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Where requests go. SLS puts the project into the host ({@code {project}.{endpoint}}); an endpoint that is an IP
 * address or {@code localhost} cannot take a label in front, so requests go to it directly and carry the project in
 * the {@code Host} header, which is what routes them.
 */
final class Endpoint {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern PROJECT = Pattern.compile("[0-9a-zA-Z]([0-9a-zA-Z_-]{0,126}[0-9a-zA-Z])?");

  private final HttpUrl url;
  private final boolean direct;

  private Endpoint(HttpUrl url) {
    this.url = url;
    String host = url.host();
    this.direct = IPV4.matcher(host).matches() || host.contains(":") || host.equals("localhost");
  }

  /**
   * Parses {@code cn-hangzhou.log.aliyuncs.com}, {@code https://...}, {@code http://...}, {@code host:port},
   * {@code 127.0.0.1:8080} or {@code [::1]:8080}; https when no scheme is given.
   */
  static Endpoint parse(String endpoint) {
    if (endpoint == null) throw new NullPointerException("endpoint == null");
    String trimmed = endpoint.trim();
    if (trimmed.isEmpty()) throw new IllegalArgumentException("endpoint must not be blank");
    HttpUrl url = HttpUrl.parse(trimmed.contains("://") ? trimmed : "https://" + trimmed);
    if (url == null) {
      throw new IllegalArgumentException(
          "endpoint must be a host name or IP address with an optional http:// or https:// and :port, was \""
              + endpoint + "\"");
    }
    if (!url.encodedPath().equals("/") || url.encodedQuery() != null || url.encodedFragment() != null
        || !url.encodedUsername().isEmpty()) {
      throw new IllegalArgumentException(
          "endpoint must not have a user, path, query or fragment (the project goes in front of the host), was \""
              + endpoint + "\"");
    }
    return new Endpoint(url);
  }

  boolean isHttps() {
    return url.isHttps();
  }

  /** The base URL of {@code project}'s requests. */
  HttpUrl baseUrl(String project) {
    return direct ? url : url.newBuilder().host(project + "." + url.host()).build();
  }

  /** The Host header that routes to {@code project}, or null when the URL's own host does. */
  String hostHeader(String project) {
    if (!direct) return null;
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    String label = project + "." + host;
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? label : label + ":" + url.port();
  }

  static String requireValidProject(String project) {
    if (project == null) throw new NullPointerException("project == null");
    if (!PROJECT.matcher(project).matches()) {
      throw new IllegalArgumentException("project must be 1-128 letters, digits, '-' or '_', starting and ending "
          + "with a letter or digit, was \"" + project + "\"");
    }
    return project;
  }

  @Override
  public String toString() {
    return url.toString();
  }
}

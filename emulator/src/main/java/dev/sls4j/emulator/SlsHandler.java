package dev.sls4j.emulator;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sls4j.signing.SignableRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The HTTP face of the emulator: routes by Host and path as the service does, and answers in its formats. */
final class SlsHandler implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(SlsHandler.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final ConsumerGroups groups;
  private final Authenticator authenticator;
  private final JsonAdapter<Object> json = new Moshi.Builder().build().adapter(Object.class);

  SlsHandler(ConsumerGroups groups, Authenticator authenticator) {
    this.groups = groups;
    this.authenticator = authenticator;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = newRequestId();
    try {
      byte[] body = readAll(exchange.getRequestBody());
      Object answer = dispatch(exchange, body);
      respond(exchange, requestId, 200, answer == null ? Collections.emptyMap() : answer);
    } catch (SlsError e) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("errorCode", e.code);
      error.put("errorMessage", e.getMessage());
      respond(exchange, requestId, e.status, error);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "request " + requestId + " failed", e);
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("errorCode", "InternalServerError");
      error.put("errorMessage", "the emulator failed: " + e);
      respond(exchange, requestId, 500, error);
    } finally {
      exchange.close();
    }
  }

  private Object dispatch(HttpExchange exchange, byte[] body) {
    URI uri = exchange.getRequestURI();
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || host.indexOf('.') <= 0) {
      throw new SlsError(400, "ProjectNotExist", "the Host header must be {project}.{endpoint}, was " + host);
    }
    String project = host.substring(0, host.indexOf('.'));
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    SignableRequest.Builder signable = SignableRequest.builder()
        .method(method)
        .host(host)
        .encodedPath(uri.getRawPath())
        .addEncodedQuery(uri.getRawQuery())
        .body(body);
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Authorization")) signable.header(name, values.get(0));
    });
    SignableRequest request = signable.build();
    authenticator.authenticate(request, exchange.getRequestHeaders().getFirst("Authorization"));

    String[] path = uri.getPath().split("/", -1);
    // "", "logstores", {logstore}, "consumergroups" [, {group}]
    if (path.length < 4 || !path[1].equals("logstores") || !path[3].equals("consumergroups") || path[2].isEmpty()) {
      throw new SlsError(404, "InvalidMethod", "no such resource: " + method + " " + uri.getPath());
    }
    String logstore = path[2];
    if (path.length == 4) {
      switch (method) {
        case "GET":
          return groups.list(project, logstore);
        case "POST":
          Map<String, Object> group = object(body);
          groups.create(project, logstore, string(group, "consumerGroup", true),
              integer(group, "timeout", true), bool(group, "order", true));
          return null;
        default:
          throw invalidMethod(method, uri);
      }
    }
    String group = path[4];
    if (path.length != 5 || group.isEmpty()) throw invalidMethod(method, uri);
    String type = query(request, "type");
    switch (method + " " + (type == null ? "" : type)) {
      case "PUT ":
        Map<String, Object> settings = object(body);
        groups.update(project, logstore, group, integer(settings, "timeout", false), bool(settings, "order", false));
        return null;
      case "DELETE ":
        groups.delete(project, logstore, group);
        return null;
      case "GET ":
        String shard = query(request, "shard");
        return groups.checkpoints(project, logstore, group, shard == null ? null : parseShard(shard));
      case "POST heartbeat":
        shards(body); // validated, though assignment does not depend on what the consumer reports
        return groups.heartbeat(project, logstore, group, query(request, "consumer"));
      case "POST checkpoint":
        Map<String, Object> position = object(body);
        groups.commit(project, logstore, group, query(request, "consumer"),
            "true".equals(query(request, "forceSuccess")), integer(position, "shard", true),
            string(position, "checkpoint", true));
        return null;
      default:
        throw invalidMethod(method, uri);
    }
  }

  private static String query(SignableRequest request, String name) {
    for (SignableRequest.QueryParameter parameter : request.queryParameters()) {
      if (parameter.name().equals(name)) return parameter.value();
    }
    return null;
  }

  private static SlsError invalidMethod(String method, URI uri) {
    return new SlsError(405, "InvalidMethod", "method " + method + " is not allowed on " + uri);
  }

  private static Integer parseShard(String shard) {
    try {
      return Integer.valueOf(shard);
    } catch (NumberFormatException e) {
      throw SlsError.invalid("shard must be an integer: " + shard);
    }
  }

  private Object parse(byte[] body) {
    try {
      return json.fromJson(new String(body, StandardCharsets.UTF_8));
    } catch (IOException | JsonDataException e) {
      throw new SlsError(400, "PostBodyInvalid", "the body is not valid JSON: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> object(byte[] body) {
    Object parsed = parse(body);
    if (!(parsed instanceof Map)) throw new SlsError(400, "PostBodyInvalid", "the body must be a JSON object");
    return (Map<String, Object>) parsed;
  }

  private List<Integer> shards(byte[] body) {
    Object parsed = body.length == 0 ? Collections.emptyList() : parse(body);
    if (!(parsed instanceof List)) throw new SlsError(400, "PostBodyInvalid", "the body must be a JSON array");
    List<Integer> shards = new ArrayList<>();
    for (Object shard : (List<?>) parsed) shards.add(wholeNumber(shard, "shard"));
    return shards;
  }

  private static String string(Map<String, Object> object, String name, boolean required) {
    Object value = object.get(name);
    if (value == null && !required) return null;
    if (!(value instanceof String)) throw SlsError.invalid(name + " must be a string");
    return (String) value;
  }

  private static Integer integer(Map<String, Object> object, String name, boolean required) {
    Object value = object.get(name);
    if (value == null && !required) return null;
    return wholeNumber(value, name);
  }

  private static Boolean bool(Map<String, Object> object, String name, boolean required) {
    Object value = object.get(name);
    if (value == null && !required) return null;
    if (!(value instanceof Boolean)) throw SlsError.invalid(name + " must be true or false");
    return (Boolean) value;
  }

  private static int wholeNumber(Object value, String name) {
    if (!(value instanceof Number) || ((Number) value).doubleValue() != Math.rint(((Number) value).doubleValue())) {
      throw SlsError.invalid(name + " must be an integer");
    }
    return ((Number) value).intValue();
  }

  private void respond(HttpExchange exchange, String requestId, int status, Object body) throws IOException {
    byte[] bytes = json.toJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Server", "sls4j-emulator");
    exchange.getResponseHeaders().set("x-log-requestid", requestId);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
    return out.toByteArray();
  }

  /** 24 hex digits, like the service's request ids. */
  private static String newRequestId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    char[] out = new char[24];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}

package dev.sls4j.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * One method of a generated interface, read once from its Retrofit annotations, and then turned into a request per
 * call with no more than the call needs: path segments and query parameters appended to the project's base URL, the
 * body written by Moshi, the protocol headers set in one pass. Retrofit itself resolves a relative URL string and
 * runs a regular expression per path parameter on every call; for an SDK whose layers must cost almost nothing on top
 * of OkHttp, the annotations are read here instead. Immutable and thread-safe.
 */
final class Operation {
  private static final MediaType JSON = MediaType.get("application/json");

  final String name;
  private final HttpUrl baseUrl;
  private final String httpMethod;
  /** Literal path segments, or null where {@link #segmentParameter} gives the argument's index. */
  private final String[] segments;
  private final int[] segmentParameter;
  private final List<String[]> staticQuery = new ArrayList<>();
  private final List<QueryArgument> queryParameters = new ArrayList<>();
  private final int bodyIndex;
  private final JsonAdapter<Object> bodyAdapter;
  private final MediaType contentType;
  private final Headers headers;
  private final ParameterRule[] rules;
  /** The indices of the arguments that go into the URL. */
  private final int[] urlArguments;
  private final ConcurrentHashMap<UrlKey, HttpUrl> recentUrls = new ConcurrentHashMap<>();
  private static final int RECENT_URLS = 64;
  final JsonAdapter<Object> responseAdapter;
  final boolean idempotent;
  final String alreadyDoneErrorCode;

  private Operation(Method method, Moshi moshi, HttpUrl baseUrl, Headers protocolHeaders) {
    this.baseUrl = baseUrl;
    this.name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    String[] verbAndPath = verbAndPath(method);
    this.httpMethod = verbAndPath[0];
    String relative = verbAndPath[1];
    int question = relative.indexOf('?');
    String path = question < 0 ? relative : relative.substring(0, question);
    if (question >= 0) {
      for (String pair : relative.substring(question + 1).split("&")) {
        int eq = pair.indexOf('=');
        staticQuery.add(new String[] {eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1)});
      }
    }
    String[] pathParts = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
    this.segments = new String[pathParts.length];
    this.segmentParameter = new int[pathParts.length];

    Annotation[][] parameterAnnotations = method.getParameterAnnotations();
    Type[] parameterTypes = method.getGenericParameterTypes();
    this.rules = new ParameterRule[parameterAnnotations.length];
    int body = -1;
    String[] pathNames = new String[parameterAnnotations.length];
    for (int i = 0; i < parameterAnnotations.length; i++) {
      boolean bound = false;
      for (Annotation annotation : parameterAnnotations[i]) {
        if (annotation instanceof Checked) {
          rules[i] = new ParameterRule((Checked) annotation);
        } else if (annotation instanceof Path) {
          pathNames[i] = ((Path) annotation).value();
          bound = true;
        } else if (annotation instanceof Query) {
          queryParameters.add(new QueryArgument(((Query) annotation).value(), i));
          bound = true;
        } else if (annotation instanceof Body) {
          body = i;
          bound = true;
        }
      }
      if (!bound) {
        throw new IllegalArgumentException(name + ": parameter " + (i + 1) + " has no @Path, @Query or @Body");
      }
    }
    for (ParameterRule rule : rules) {
      if (rule != null) rule.link(rules);
    }
    for (int s = 0; s < pathParts.length; s++) {
      String part = pathParts[s];
      segmentParameter[s] = -1;
      if (part.startsWith("{") && part.endsWith("}")) {
        String wanted = part.substring(1, part.length() - 1);
        for (int i = 0; i < pathNames.length; i++) {
          if (wanted.equals(pathNames[i])) segmentParameter[s] = i;
        }
        if (segmentParameter[s] < 0) throw new IllegalArgumentException(name + ": no @Path(\"" + wanted + "\")");
      } else {
        segments[s] = part;
      }
    }
    this.bodyIndex = body;
    int[] inUrl = new int[segments.length + queryParameters.size()];
    int count = 0;
    for (int index : segmentParameter) {
      if (index >= 0) inUrl[count++] = index;
    }
    for (QueryArgument query : queryParameters) inUrl[count++] = query.index;
    this.urlArguments = Arrays.copyOf(inUrl, count);
    this.bodyAdapter = body < 0 ? null : moshi.adapter(parameterTypes[body]);

    Headers.Builder headers = protocolHeaders.newBuilder();
    MediaType declaredType = null;
    retrofit2.http.Headers declared = method.getAnnotation(retrofit2.http.Headers.class);
    if (declared != null) {
      for (String header : declared.value()) {
        int colon = header.indexOf(':');
        String headerName = header.substring(0, colon).trim();
        String value = header.substring(colon + 1).trim();
        if (headerName.equalsIgnoreCase("Content-Type")) {
          declaredType = MediaType.get(value);
        } else {
          headers.set(headerName, value);
        }
      }
    }
    this.contentType = declaredType != null ? declaredType : JSON;
    this.headers = headers.build();

    Type returned = method.getGenericReturnType();
    if (method.getReturnType() != SlsCall.class || !(returned instanceof ParameterizedType)) {
      throw new IllegalArgumentException(name + " must return SlsCall<T>");
    }
    Type answer = ((ParameterizedType) returned).getActualTypeArguments()[0];
    this.responseAdapter = answer == Void.class ? null : moshi.adapter(answer);
    Idempotent marked = method.getAnnotation(Idempotent.class);
    this.idempotent = marked != null;
    this.alreadyDoneErrorCode = marked == null || marked.alreadyDoneErrorCode().isEmpty()
        ? null : marked.alreadyDoneErrorCode();
  }

  /** The operation of {@code method} on one project: its base URL and protocol headers. */
  static Operation parse(Method method, Moshi moshi, HttpUrl baseUrl, Headers protocolHeaders) {
    return new Operation(method, moshi, baseUrl, protocolHeaders);
  }

  /**
   * The request for one call.
   *
   * @throws IllegalArgumentException if an argument breaks the spec's rules
   */
  Request request(Object[] arguments) {
    for (int i = 0; i < rules.length; i++) {
      if (rules[i] != null) rules[i].check(arguments[i], arguments);
    }
    return new Request.Builder()
        .url(url(arguments))
        .headers(headers)
        .method(httpMethod, body(arguments))
        .build();
  }

  /**
   * The URL for these arguments. Building one is most of the cost of a request, and a consumer calls with the same
   * logstore, group and consumer again and again, so the URLs of recent argument lists are kept.
   */
  private HttpUrl url(Object[] arguments) {
    UrlKey key = new UrlKey(arguments, urlArguments);
    HttpUrl cached = recentUrls.get(key);
    if (cached != null) return cached;
    HttpUrl url = buildUrl(arguments);
    if (recentUrls.size() >= RECENT_URLS) recentUrls.clear(); // crude, and rare: a new name set replaces the old
    recentUrls.put(key, url);
    return url;
  }

  private HttpUrl buildUrl(Object[] arguments) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (int s = 0; s < segments.length; s++) {
      int index = segmentParameter[s];
      if (index < 0) {
        url.addPathSegment(segments[s]);
      } else if (arguments[index] == null) {
        throw new IllegalArgumentException("path parameter " + (s + 1) + " of " + name + " must not be null");
      } else {
        url.addPathSegment(arguments[index].toString());
      }
    }
    for (String[] pair : staticQuery) url.addEncodedQueryParameter(pair[0], pair[1]);
    for (QueryArgument query : queryParameters) {
      Object value = arguments[query.index];
      if (value != null) url.addQueryParameter(query.name, value.toString());
    }
    return url.build();
  }

  private RequestBody body(Object[] arguments) {
    RequestBody body = null;
    if (bodyIndex >= 0) {
      Object value = arguments[bodyIndex];
      if (value == null) throw new IllegalArgumentException("the body of " + name + " must not be null");
      Buffer buffer = new Buffer();
      try {
        bodyAdapter.toJson(buffer, value);
      } catch (IOException e) {
        throw new IllegalStateException("writing to memory failed", e);
      }
      body = RequestBody.create(buffer.readByteString(), contentType);
    } else if (httpMethod.equals("POST") || httpMethod.equals("PUT") || httpMethod.equals("PATCH")) {
      body = RequestBody.create(new byte[0], null);
    }
    return body;
  }

  /** A {@code @Query} parameter: its name in the URL and its position among the method's arguments. */
  private static final class QueryArgument {
    final String name;
    final int index;

    QueryArgument(String name, int index) {
      this.name = name;
      this.index = index;
    }
  }

  /** The arguments a URL is made of, besides the operation's fixed base URL: the path and query arguments. */
  private static final class UrlKey {
    private final Object[] values;
    private final int hash;

    UrlKey(Object[] arguments, int[] urlArguments) {
      values = new Object[urlArguments.length];
      for (int i = 0; i < urlArguments.length; i++) values[i] = arguments[urlArguments[i]];
      hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UrlKey && Arrays.equals(values, ((UrlKey) o).values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static String[] verbAndPath(Method method) {
    String[] found = null;
    for (Annotation annotation : method.getAnnotations()) {
      String[] verb = null;
      if (annotation instanceof GET) verb = new String[] {"GET", ((GET) annotation).value()};
      if (annotation instanceof POST) verb = new String[] {"POST", ((POST) annotation).value()};
      if (annotation instanceof PUT) verb = new String[] {"PUT", ((PUT) annotation).value()};
      if (annotation instanceof DELETE) verb = new String[] {"DELETE", ((DELETE) annotation).value()};
      if (annotation instanceof PATCH) verb = new String[] {"PATCH", ((PATCH) annotation).value()};
      if (annotation instanceof HEAD) verb = new String[] {"HEAD", ((HEAD) annotation).value()};
      if (verb != null) {
        if (found != null) throw new IllegalArgumentException(method + " has more than one HTTP method");
        found = verb;
      }
    }
    if (found == null) throw new IllegalArgumentException(method + " has no @GET, @POST, @PUT or @DELETE");
    return found;
  }

  @Override
  public String toString() {
    return name;
  }
}

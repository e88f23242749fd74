package dev.sls4j.benchmarks;

import com.aliyun.openservices.log.Client;
import com.aliyun.openservices.log.http.client.ClientConfiguration;
import dev.sls4j.client.SlsClient;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import dev.sls4j.signing.SignableRequest;
import dev.sls4j.signing.SigningResult;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One way of committing a checkpoint. Every side talks to the server as an HTTP proxy, as a client configured for the
 * real endpoint would through a proxy, so that all three send the same request to the same place.
 */
abstract class Side implements AutoCloseable {
  static final String ENDPOINT = "cn-hangzhou.log.aliyuncs.com";
  static final String PROJECT = "ali-test-project";
  static final String LOGSTORE = "ali-test-logstore";
  static final String GROUP = "consumer_group_test";
  static final String CONSUMER = "consumer_1";
  static final String CHECKPOINT = "MTUyNDE1NTM3OTM3MzkwODQ5Ng==";
  static final String ACCESS_KEY_ID = "LTAI5tTestAccessKeyId";
  static final String ACCESS_KEY_SECRET = "TestAccessKeySecret0123456789ab";

  abstract String name();

  /** Commits one checkpoint and waits for the answer; throws if it failed. */
  abstract void call() throws Exception;

  @Override
  public void close() {}

  static Side create(String name, String proxyHost, int proxyPort) {
    switch (name) {
      case "sls4j":
        return new Sls4j(name, Sls4j.configured(proxyHost, proxyPort));
      case "sls4j-quiet-pool":
        return new Sls4j(name, Sls4j.configured(proxyHost, proxyPort)
            .httpClient(new OkHttpClient.Builder().connectionPool(QuietPool.create()).build()));
      case "official":
        return new Official(proxyHost, proxyPort);
      case "floor":
        return new Floor(proxyHost, proxyPort);
      default:
        throw new IllegalArgumentException(
            "no side named " + name + "; sls4j, official or floor (or sls4j-quiet-pool, an experiment: see QuietPool)");
    }
  }

  /** This SDK, as a user calls it. */
  static final class Sls4j extends Side {
    private final SlsClient client;
    private final ConsumerGroupApi api;
    private final String name;

    Sls4j(String name, SlsClient.Builder configured) {
      this.name = name;
      client = configured.build();
      api = client.create(ConsumerGroupApi.class, PROJECT);
    }

    static SlsClient.Builder configured(String proxyHost, int proxyPort) {
      return SlsClient.builder()
          .endpoint("http://" + ENDPOINT)
          .credentials(Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
          .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxyHost, proxyPort)));
    }

    @Override
    String name() {
      return name;
    }

    @Override
    void call() {
      api.updateCheckPoint(LOGSTORE, GROUP, CONSUMER,
          UpdateCheckPointRequest.builder().shard(0).checkpoint(CHECKPOINT).build(), false).execute();
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /** The official SDK, {@code com.aliyun.openservices:aliyun-log}, on Apache HttpClient 5. */
  static final class Official extends Side {
    private final Client client;

    Official(String proxyHost, int proxyPort) {
      ClientConfiguration configuration = new ClientConfiguration();
      configuration.setProxyHost(proxyHost);
      configuration.setProxyPort(proxyPort);
      client = new Client("http://" + ENDPOINT, ACCESS_KEY_ID, ACCESS_KEY_SECRET, configuration);
    }

    @Override
    String name() {
      return "official";
    }

    @Override
    void call() throws Exception {
      client.UpdateCheckPoint(PROJECT, LOGSTORE, GROUP, CONSUMER, 0, CHECKPOINT);
    }

    @Override
    public void close() {
      client.shutdown();
    }
  }

  /** The floor of this stack: OkHttp sending a request whose every header was computed once, before the run. */
  static final class Floor extends Side {
    private final OkHttpClient client;
    private final Request request;

    Floor(String proxyHost, int proxyPort) {
      client = new OkHttpClient.Builder()
          .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxyHost, proxyPort)))
          .build();
      request = request();
    }

    /** The request the floor sends every time, signed once, as this SDK would sign it. */
    static Request request() {
      byte[] body = ("{\"checkpoint\":\"" + CHECKPOINT + "\",\"shard\":0}").getBytes(StandardCharsets.UTF_8);
      String host = PROJECT + "." + ENDPOINT;
      String path = "/logstores/" + LOGSTORE + "/consumergroups/" + GROUP;
      SignableRequest signable = SignableRequest.builder()
          .method("POST").host(host).encodedPath(path)
          .addEncodedQuery("type=checkpoint&consumer=" + CONSUMER + "&forceSuccess=false")
          .header("Content-Type", "application/json")
          .header("x-log-apiversion", "0.6.0")
          .header("x-log-bodyrawsize", "0")
          .body(body)
          .build();
      SigningResult signed = RequestSigner.v1()
          .sign(signable, Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET), Instant.now());
      Request.Builder builder = new Request.Builder()
          .url("http://" + host + path + "?type=checkpoint&consumer=" + CONSUMER + "&forceSuccess=false")
          .post(RequestBody.create(body, MediaType.get("application/json")))
          .header("x-log-apiversion", "0.6.0")
          .header("x-log-bodyrawsize", "0")
          .header("User-Agent", "floor");
      for (Map.Entry<String, String> header : signed.headers().entrySet()) {
        builder.header(header.getKey(), header.getValue());
      }
      return builder.build();
    }

    @Override
    String name() {
      return "floor";
    }

    @Override
    void call() throws Exception {
      try (Response response = client.newCall(request).execute()) {
        response.body().bytes();
        if (!response.isSuccessful()) throw new IllegalStateException("HTTP " + response.code());
      }
    }

    @Override
    public void close() {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}

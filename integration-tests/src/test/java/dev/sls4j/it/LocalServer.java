package dev.sls4j.it;

import dev.sls4j.client.SlsClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer on 127.0.0.1 for each test, closed after it together with every client the test registered.
 * Use with {@code @RegisterExtension}.
 */
final class LocalServer implements BeforeEachCallback, AfterEachCallback {
  private final List<SlsClient> clients = new ArrayList<>();
  private MockWebServer server;

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    clients.forEach(SlsClient::close);
    clients.clear();
    server.close();
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request the server received; fails the test if none arrives within 5 seconds. */
  RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) throw new AssertionError("no request arrived within 5 s");
    return request;
  }

  void setDispatcher(mockwebserver3.Dispatcher dispatcher) {
    server.setDispatcher(dispatcher);
  }

  void useHttps(javax.net.ssl.SSLSocketFactory sslSocketFactory) {
    server.useHttps(sslSocketFactory);
  }

  int port() {
    return server.getPort();
  }

  int requestCount() {
    return server.getRequestCount();
  }

  /** Stops the server now, so that the port refuses connections. */
  void shutDown() {
    server.close();
  }

  /** The server's address as an endpoint: requests go to it directly, with the project in the Host header. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** The server as an HTTP proxy, by address: "localhost" might resolve to [::1], where nothing listens. */
  Proxy proxy() {
    return new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", server.getPort()));
  }

  /** Builds {@code builder} and closes the client after the test. */
  SlsClient register(SlsClient.Builder builder) {
    SlsClient client = builder.build();
    clients.add(client);
    return client;
  }
}

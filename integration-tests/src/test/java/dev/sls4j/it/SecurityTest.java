package dev.sls4j.it;

import static dev.sls4j.it.Fixtures.ACCESS_KEY_ID;
import static dev.sls4j.it.Fixtures.GROUP;
import static dev.sls4j.it.Fixtures.LOGSTORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sls4j.client.RetryPolicy;
import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsClientException;
import dev.sls4j.client.SlsServiceException;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.emulator.SlsEmulator;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.CredentialsProvider;
import dev.sls4j.signing.RequestSigner;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import okhttp3.logging.HttpLoggingInterceptor;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Secrets stay out of logs, messages and toString; TLS is verified, certificate and host name. */
class SecurityTest {
  private static final String SECRET = "S3cr3t-Access-Key-Secret-Value";
  private static final String TOKEN = "STS-Token-That-Must-Not-Leak";

  @RegisterExtension final LocalServer server = new LocalServer();

  @ParameterizedTest
  @EnumSource(value = HttpLoggingInterceptor.Level.class, names = {"HEADERS", "BODY"})
  void httpLoggingRedactsTheSignatureAndToken(HttpLoggingInterceptor.Level level) {
    List<String> log = new ArrayList<>();
    server.enqueue(Fixtures.ok("REQ"));
    SlsClient client = server.register(Fixtures
        .clientFor(server, RequestSigner.v4(Fixtures.REGION), Credentials.of(ACCESS_KEY_ID, SECRET, TOKEN))
        .httpLogging(log::add, level));

    Fixtures.api(client).updateCheckPoint(LOGSTORE, GROUP, "c1", Fixtures.checkpoint(0), false).execute();

    String all = String.join("\n", log);
    assertTrue(all.contains("Authorization: ██"), all);
    assertTrue(all.contains("x-acs-security-token: ██"), all);
    assertFalse(all.contains("Signature="), all);
    assertFalse(all.contains(TOKEN), all);
    assertFalse(all.contains(SECRET), all);
    assertTrue(all.contains("x-log-requestid: REQ"), "the rest is there to help: " + all);
  }

  @Test
  void failuresAndToStringNeverCarrySecrets() throws Exception {
    try (SlsEmulator emulator = SlsEmulator.builder().port(0).start()) {
      Credentials wrong = Credentials.of(emulator.credentials().accessKeyId(), SECRET, TOKEN);
      SlsClient client = server.register(SlsClient.builder().endpoint(emulator.endpoint()).credentials(wrong));
      ConsumerGroupApi api = client.create(ConsumerGroupApi.class, "p1");

      SlsServiceException refused = assertThrows(SlsServiceException.class,
          () -> api.listConsumerGroup(LOGSTORE).execute());

      assertEquals("SignatureNotMatch", refused.errorCode());
      for (String text : List.of(refused.toString(), client.toString(), wrong.toString(),
          CredentialsProvider.of(wrong).toString())) {
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(TOKEN), text);
        assertFalse(text.contains("LOG " + ACCESS_KEY_ID + ":"), text);
      }
    }
  }

  private static HeldCertificate certificateFor(String host) {
    return new HeldCertificate.Builder().addSubjectAlternativeName(host).build();
  }

  private void serveHttps(HeldCertificate certificate) {
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
  }

  /**
   * Serves https with a certificate for {@code host}; the client trusts that certificate and calls 127.0.0.1, with
   * https implied by an endpoint without a scheme.
   */
  private SlsClient.Builder trustingClientOfServerNamed(String host) {
    HeldCertificate certificate = certificateFor(host);
    serveHttps(certificate);
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(certificate.certificate()).build();
    return SlsClient.builder()
        .endpoint("127.0.0.1:" + server.port())
        .credentials(Credentials.of(ACCESS_KEY_ID, SECRET))
        .tls(trust.sslSocketFactory(), trust.trustManager());
  }

  @Test
  void anUntrustedCertificateIsRefusedAndNotRetried() {
    serveHttps(certificateFor("127.0.0.1"));
    SlsClient client = server.register(SlsClient.builder()
        .endpoint("https://127.0.0.1:" + server.port())
        .credentials(Credentials.of(ACCESS_KEY_ID, SECRET)));

    SlsClientException e = assertThrows(SlsClientException.class,
        () -> client.create(ConsumerGroupApi.class, "p1").listConsumerGroup(LOGSTORE).execute());

    assertInstanceOf(SSLHandshakeException.class, e.getCause());
    assertEquals(0, server.requestCount());
  }

  @Test
  void aTrustedCertificateMustStillNameTheHost() {
    SlsClient client = server.register(trustingClientOfServerNamed("not-this-host.example")
        .retryPolicy(RetryPolicy.none()));

    SlsClientException e = assertThrows(SlsClientException.class,
        () -> client.create(ConsumerGroupApi.class, "p1").listConsumerGroup(LOGSTORE).execute());

    assertInstanceOf(SSLPeerUnverifiedException.class, e.getCause());
  }

  @Test
  void aSilentServerBehindTlsTimesOutAfterTheReadTimeout() {
    SlsClient client = server.register(trustingClientOfServerNamed("127.0.0.1")
        .retryPolicy(RetryPolicy.none())
        .readTimeout(Duration.ofMillis(300)));
    server.enqueue(new MockResponse(200, Headers.of(), "[]").newBuilder()
        .headersDelay(10, TimeUnit.SECONDS).build());

    long started = System.nanoTime();
    SlsClientException e = assertThrows(SlsClientException.class,
        () -> client.create(ConsumerGroupApi.class, "p1").listConsumerGroup(LOGSTORE).execute());
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertInstanceOf(SocketTimeoutException.class, e.getCause());
    assertTrue(tookMillis < 5000, "took " + tookMillis + " ms with a 300 ms read timeout");
  }

  @Test
  void aTrustedCertificateForTheHostWorks() {
    SlsClient client = server.register(trustingClientOfServerNamed("127.0.0.1").clock(Clock.systemUTC()));
    server.enqueue(new MockResponse(200, Headers.of("x-log-requestid", "REQ-TLS"), "[]"));

    assertEquals("REQ-TLS",
        client.create(ConsumerGroupApi.class, "p1").listConsumerGroup(LOGSTORE).execute().requestId());
  }
}

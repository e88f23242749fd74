package dev.sls4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shaded jar users run, as a separate process, reaching the service through the JVM's proxy properties. */
class CliJarTest {
  @RegisterExtension final LocalServer server = new LocalServer();

  private Process start(String... cliArgs) throws Exception {
    Path jar = Path.of(System.getProperty("sls.cli.jar"));
    assertTrue(Files.isRegularFile(jar), "built by the cli module: " + jar);
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + server.port(),
        "-jar", jar.toString(), "update-checkpoint",
        "--endpoint", "http://cn-hangzhou.log.aliyuncs.com", "--project", Fixtures.PROJECT,
        "--logstore", Fixtures.LOGSTORE, "--consumer-group", Fixtures.GROUP));
    command.addAll(List.of(cliArgs));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("ALIBABA_CLOUD_ACCESS_KEY_ID", Fixtures.ACCESS_KEY_ID);
    builder.environment().put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", Fixtures.ACCESS_KEY_SECRET);
    builder.environment().remove("ALIBABA_CLOUD_SECURITY_TOKEN");
    return builder.start();
  }

  private static String read(java.io.InputStream in) throws Exception {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void commitThroughProxyPrintsRequestIdAndSignsVerifiably() throws Exception {
    server.enqueue(Fixtures.ok("REQ-JAR"));

    Process process = start("--consumer", "consumer_1", "--shard", "0", "--checkpoint", Fixtures.CHECKPOINT,
        "--signature-version", "v4", "--region", Fixtures.REGION);

    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cli finished");
    assertEquals(0, process.exitValue(), read(process.getErrorStream()));
    assertEquals("REQ-JAR", read(process.getInputStream()).trim());
    RecordedRequest request = server.takeRequest();
    assertEquals("http://ali-test-project.cn-hangzhou.log.aliyuncs.com/logstores/ali-test-logstore/consumergroups/"
        + "consumer_group_test?type=checkpoint&consumer=consumer_1&forceSuccess=false", request.getTarget());
    new SignatureVerifier(Fixtures.ACCESS_KEY_ID, Fixtures.ACCESS_KEY_SECRET)
        .assertValidV4(request, Fixtures.REGION);
  }

  @Test
  void serviceErrorGoesToStderrWithoutStackTrace() throws Exception {
    server.enqueue(new MockResponse(401, Headers.of("x-log-requestid", "REQ-JAR-401"),
        "{\"errorCode\":\"SignatureNotMatch\",\"errorMessage\":\"signature not match\"}"));

    Process process = start("--force", "--shard", "1", "--checkpoint", Fixtures.CHECKPOINT);

    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cli finished");
    String stderr = read(process.getErrorStream());
    assertEquals(1, process.exitValue(), stderr);
    assertEquals("", read(process.getInputStream()));
    for (String part : List.of("SignatureNotMatch", "signature not match", "401", "REQ-JAR-401")) {
      assertTrue(stderr.contains(part), part + " in " + stderr);
    }
    assertFalse(stderr.contains("\tat "), stderr);
  }
}

package dev.sls4j.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A local nginx that answers every request as the service answers a checkpoint commit. */
final class Nginx implements AutoCloseable {
  private final Process process;
  final int port;

  private Nginx(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Nginx start() throws IOException, InterruptedException {
    String binary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Path prefix = Files.createTempDirectory("sls4j-nginx");
    Files.createDirectories(prefix.resolve("logs"));
    Files.createDirectories(prefix.resolve("tmp"));
    String config = String.join("\n",
        "daemon off;",
        "worker_processes 1;",
        "pid " + prefix.resolve("nginx.pid") + ";",
        "error_log " + prefix.resolve("logs/error.log") + " warn;",
        "events { worker_connections 1024; }",
        "http {",
        "  access_log off;",
        "  keepalive_requests 10000000;",
        "  keepalive_timeout 120s;",
        "  client_body_temp_path " + prefix.resolve("tmp") + ";",
        "  server {",
        "    listen 127.0.0.1:" + port + ";",
        "    location / {",
        "      default_type application/json;",
        "      add_header x-log-requestid 5B0A6B60BB6EE39764D458B5 always;",
        "      return 200 '{}';",
        "    }",
        "  }",
        "}",
        "");
    Path conf = prefix.resolve("nginx.conf");
    Files.write(conf, config.getBytes(StandardCharsets.UTF_8));
    Process process;
    try {
      process = new ProcessBuilder(binary, "-p", prefix.toString(), "-c", conf.toString())
          .redirectErrorStream(true)
          .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
          .start();
    } catch (IOException e) {
      throw new IOException("nginx is not installed: apt-get install nginx-light (benchmarks/run.sh does), or give "
          + "--url HOST:PORT of a server that answers 200 {}", e);
    }
    for (int i = 0; i < 100; i++) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return new Nginx(process, port);
      } catch (IOException notYet) {
        if (!process.isAlive()) break;
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IOException("nginx did not start; see " + prefix.resolve("logs"));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
  }
}

package dev.sls4j.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.sls4j.signing.Credentials;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Simple Log Service's consumer-group API: the seven operations with the service's semantics,
 * status codes, error bodies and signature checks, in memory or persisted to a file.
 *
 * <p>Any project and logstore exists on first use, with {@value #DEFAULT_SHARD_COUNT} shards unless configured.
 * Requests are routed by the Host header ({@code {project}.{endpoint}}); proxy-style absolute request targets are
 * accepted, so a client built for the real service reaches the emulator through an HTTP proxy setting.
 *
 * <pre>{@code
 * try (SlsEmulator emulator = SlsEmulator.builder().port(0).start()) {
 *   SlsClient client = SlsClient.builder()
 *       .endpoint(emulator.endpoint())
 *       .credentials(emulator.credentials())
 *       .build();
 *   ...
 * }
 * }</pre>
 */
public final class SlsEmulator implements Closeable {
  public static final int DEFAULT_PORT = 9090;
  public static final String DEFAULT_ACCESS_KEY_ID = "sls4j-emulator-key";
  public static final String DEFAULT_ACCESS_KEY_SECRET = "sls4j-emulator-secret";
  public static final int DEFAULT_SHARD_COUNT = 2;

  static {
    // The JDK's server writes an answer's headers and body as two segments; without TCP_NODELAY the second waits for
    // the client's delayed ACK, some 40 ms a request. The property is read once, when the first server is made.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final ConsumerGroups groups;
  private final Credentials credentials;

  private SlsEmulator(Builder builder) throws IOException {
    this.credentials = Credentials.of(builder.accessKeyId, builder.accessKeySecret);
    ConsumerGroups.Persistence persistence = state -> { };
    ConsumerGroups.State initial = null;
    if (builder.dataFile != null) {
      StateFile stateFile = new StateFile(builder.dataFile);
      initial = stateFile.load();
      persistence = stateFile;
    }
    this.groups = new ConsumerGroups(builder.clock, builder.defaultShardCount,
        Collections.unmodifiableMap(new HashMap<>(builder.shardCounts)), initial, persistence);
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(8, task -> {
      Thread thread = new Thread(task, "sls4j-emulator-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.server = HttpServer.create(new InetSocketAddress(builder.bindAddress, builder.port), 128);
    server.createContext("/", new SlsHandler(groups, new Authenticator(credentials, builder.clock)));
    server.setExecutor(executor);
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The port it listens on (the one chosen when it was asked for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The endpoint for clients, e.g. {@code http://127.0.0.1:9090}; the project goes in the Host header. */
  public String endpoint() {
    String host = server.getAddress().getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** The key pair it accepts. */
  public Credentials credentials() {
    return credentials;
  }

  /** Forgets every group, consumer and checkpoint (and saves that, when it has a data file). */
  public void reset() {
    groups.reset();
  }

  /**
   * Stops at once; a request in flight is cut off. (A grace period would hold every stop for its whole length on
   * Java before 21, whose HttpServer waits it out even when idle.)
   */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "SlsEmulator{" + endpoint() + ", " + credentials + "}";
  }

  /** Configures an emulator; not thread-safe. */
  public static final class Builder {
    private int port = DEFAULT_PORT;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private String accessKeyId = DEFAULT_ACCESS_KEY_ID;
    private String accessKeySecret = DEFAULT_ACCESS_KEY_SECRET;
    private Clock clock = Clock.systemUTC();
    private Path dataFile;
    private int defaultShardCount = DEFAULT_SHARD_COUNT;
    private final Map<String, Integer> shardCounts = new HashMap<>();

    private Builder() {}

    /** The port to listen on; 0 picks a free one. Default {@value #DEFAULT_PORT}. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      this.port = port;
      return this;
    }

    /** The address to listen on; the loopback address by default, so nothing outside this machine reaches it. */
    public Builder bindAddress(InetAddress bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress == null");
      return this;
    }

    /** The only key pair it accepts. Defaults {@value #DEFAULT_ACCESS_KEY_ID} / {@value #DEFAULT_ACCESS_KEY_SECRET}. */
    public Builder credentials(String accessKeyId, String accessKeySecret) {
      Credentials.of(accessKeyId, accessKeySecret);
      this.accessKeyId = accessKeyId;
      this.accessKeySecret = accessKeySecret;
      return this;
    }

    /** The server's clock: heartbeat timeouts, checkpoint times and request-time checks use it. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Keeps the state in {@code file}, loading it at start and saving every change before acknowledging it. */
    public Builder dataFile(Path file) {
      this.dataFile = Objects.requireNonNull(file, "file == null");
      return this;
    }

    /** Shards of a logstore not configured otherwise; default {@value #DEFAULT_SHARD_COUNT}. */
    public Builder defaultShardCount(int shards) {
      this.defaultShardCount = requireShards(shards);
      return this;
    }

    /** Shards of {@code logstore} (in every project), when it is first used. */
    public Builder shardCount(String logstore, int shards) {
      shardCounts.put(Objects.requireNonNull(logstore, "logstore == null"), requireShards(shards));
      return this;
    }

    /** Starts the emulator; it serves until {@link #close()}. */
    public SlsEmulator start() throws IOException {
      return new SlsEmulator(this);
    }

    private static int requireShards(int shards) {
      if (shards < 1 || shards > 1024) throw new IllegalArgumentException("shards must be 1 to 1024, was " + shards);
      return shards;
    }
  }
}

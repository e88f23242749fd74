package dev.sls4j.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sls-emulator}: runs the emulator in the foreground until the process is stopped. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
    description = "Runs a local Simple Log Service consumer-group emulator until stopped (Ctrl-C).")
public final class EmulatorCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "" + SlsEmulator.DEFAULT_PORT, paramLabel = "N",
      description = "Port to listen on, 0 for any free one; default ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on; default ${DEFAULT-VALUE}, this machine only.")
  String bind;

  @Option(names = "--access-key-id", defaultValue = SlsEmulator.DEFAULT_ACCESS_KEY_ID, paramLabel = "ID",
      description = "The access key id clients must sign with; default ${DEFAULT-VALUE}.")
  String accessKeyId;

  @Option(names = "--access-key-secret", defaultValue = SlsEmulator.DEFAULT_ACCESS_KEY_SECRET, paramLabel = "S",
      description = "Its secret; default ${DEFAULT-VALUE}.")
  String accessKeySecret;

  @Option(names = "--data-file", paramLabel = "F",
      description = "Keep the state in this file: loaded at start, every change saved before it is acknowledged.")
  Path dataFile;

  @Option(names = "--shards", defaultValue = "" + SlsEmulator.DEFAULT_SHARD_COUNT, paramLabel = "N",
      description = "Shards of each logstore when first used; default ${DEFAULT-VALUE}.")
  int shards;

  @Option(names = "--logstore-shards", paramLabel = "LOGSTORE=N",
      description = "Shards of one logstore, overriding --shards; repeatable.")
  Map<String, Integer> logstoreShards = Collections.emptyMap();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    SlsEmulator.Builder builder;
    try {
      builder = SlsEmulator.builder()
          .port(port)
          .bindAddress(InetAddress.getByName(bind))
          .credentials(accessKeyId, accessKeySecret)
          .defaultShardCount(shards);
      logstoreShards.forEach(builder::shardCount);
      if (dataFile != null) builder.dataFile(dataFile);
    } catch (IllegalArgumentException | IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    SlsEmulator emulator = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "sls4j-emulator-shutdown"));
    spec.commandLine().getOut().println("SLS emulator listening on " + emulator.endpoint()
        + " (access key id " + accessKeyId + (dataFile != null ? ", data file " + dataFile : "") + ")");
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new EmulatorCommand()).execute(args));
  }
}

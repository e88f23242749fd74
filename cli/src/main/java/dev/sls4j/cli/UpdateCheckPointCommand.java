package dev.sls4j.cli;

import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsException;
import dev.sls4j.client.SlsResponse;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "update-checkpoint", mixinStandardHelpOptions = true,
    description = "Commits the checkpoint of a shard for a consumer group (ConsumerGroupUpdateCheckPoint) and prints "
        + "the request id.")
final class UpdateCheckPointCommand implements Callable<Integer> {
  private final Map<String, String> environment;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Option(names = "--logstore", required = true, paramLabel = "L", description = "The logstore.")
  String logstore;

  @Option(names = "--consumer-group", required = true, paramLabel = "G", description = "The consumer group.")
  String consumerGroup;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Holder holder;

  static final class Holder {
    @Option(names = "--consumer", required = true, paramLabel = "C",
        description = "The consumer that holds the shard.")
    String consumer;

    @Option(names = "--force", required = true,
        description = "Commit without a consumer, even if a consumer holds the shard (forceSuccess=true).")
    boolean force;
  }

  @Option(names = "--shard", required = true, paramLabel = "N", description = "The shard id, 0 or more.")
  int shard;

  @Option(names = "--checkpoint", required = true, paramLabel = "X", description = "The checkpoint (a cursor).")
  String checkpoint;

  UpdateCheckPointCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    UpdateCheckPointRequest.Builder body = UpdateCheckPointRequest.builder();
    Usage.check(spec, "--shard", () -> body.shard(shard));
    Usage.check(spec, "--checkpoint", () -> body.checkpoint(checkpoint));
    try (SlsClient client = connection.client(spec, environment)) {
      ConsumerGroupApi groups = connection.api(client, ConsumerGroupApi.class, spec);
      SlsResponse<Void> response = groups
          .updateCheckPoint(logstore, consumerGroup, holder.force ? "" : holder.consumer, body.build(),
              holder.force)
          .execute();
      spec.commandLine().getOut().println(response.requestId() != null ? response.requestId() : "-");
      return 0;
    } catch (SlsException e) {
      return Failures.report(e, spec.commandLine().getErr());
    }
  }
}

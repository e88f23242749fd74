package dev.sls4j.cli;

import dev.sls4j.client.SlsResponse;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import java.util.Collections;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "update-checkpoint", mixinStandardHelpOptions = true,
    description = "Commits the checkpoint of a shard for a consumer group (ConsumerGroupUpdateCheckPoint) and prints "
        + "the request id.")
final class UpdateCheckPointCommand extends GroupCommand {
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

  private UpdateCheckPointRequest position;

  @Override
  void validate() {
    UpdateCheckPointRequest.Builder body = UpdateCheckPointRequest.builder();
    Usage.check(spec, "--shard", () -> body.shard(shard));
    Usage.check(spec, "--checkpoint", () -> body.checkpoint(checkpoint));
    position = body.build();
  }

  @Override
  void run(ConsumerGroupApi api) {
    SlsResponse<Void> response = api
        .updateCheckPoint(logstore, consumerGroup, holder.force ? "" : holder.consumer, position, holder.force)
        .execute();
    print(String.valueOf(response.requestId()), Collections.singletonMap("requestId", response.requestId()));
  }
}

package dev.sls4j.cli;

import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.ConsumerGroupCheckPoint;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reset-checkpoints", mixinStandardHelpOptions = true,
    description = "Sets the checkpoint of every shard of a consumer group to one cursor (forced commits).")
final class ResetCheckPointsCommand extends GroupCommand {
  @Option(names = "--checkpoint", required = true, paramLabel = "X", description = "The cursor for every shard.")
  String checkpoint;

  @Override
  void validate() {
    Usage.check(spec, "--checkpoint", () -> UpdateCheckPointRequest.builder().checkpoint(checkpoint));
  }

  @Override
  void run(ConsumerGroupApi api) {
    List<Integer> shards = new ArrayList<>();
    for (ConsumerGroupCheckPoint current : api.getCheckPoint(logstore, consumerGroup, null).execute().body()) {
      UpdateCheckPointRequest position =
          UpdateCheckPointRequest.builder().shard(current.shard()).checkpoint(checkpoint).build();
      api.updateCheckPoint(logstore, consumerGroup, "", position, true).execute();
      shards.add(current.shard());
    }
    print("reset " + shards.size() + " shard(s) of " + consumerGroup + " to " + checkpoint,
        Collections.singletonMap("shards", shards));
  }
}

package dev.sls4j.cli;

import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.ConsumerGroupCheckPoint;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get-checkpoint", mixinStandardHelpOptions = true,
    description = "Prints the checkpoints of a consumer group, of every shard or of one (GetCheckPoint).")
final class GetCheckPointCommand extends GroupCommand {
  @Option(names = "--shard", paramLabel = "N", description = "Only this shard.")
  Integer shard;

  @Override
  void run(ConsumerGroupApi api) {
    List<ConsumerGroupCheckPoint> checkpoints = api.getCheckPoint(logstore, consumerGroup, shard).execute().body();
    print(table(checkpoints), checkpoints);
  }

  static String table(List<ConsumerGroupCheckPoint> checkpoints) {
    Table table = new Table("SHARD", "CHECKPOINT", "UPDATED", "CONSUMER");
    for (ConsumerGroupCheckPoint checkpoint : checkpoints) {
      Long micros = checkpoint.updateTime();
      table.row(checkpoint.shard(), checkpoint.checkpoint(),
          micros == null || micros == 0 ? "-" : Instant.ofEpochMilli(micros / 1000), checkpoint.consumer());
    }
    return table.toString();
  }
}

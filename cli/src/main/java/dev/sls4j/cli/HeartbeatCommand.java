package dev.sls4j.cli;

import dev.sls4j.client.api.ConsumerGroupApi;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "heartbeat", mixinStandardHelpOptions = true,
    description = "Sends one heartbeat for a consumer and prints the shards assigned to it (ConsumerGroupHeartBeat).")
final class HeartbeatCommand extends GroupCommand {
  @Option(names = "--consumer", required = true, paramLabel = "C", description = "The consumer.")
  String consumer;

  @Option(names = "--shard", paramLabel = "N", description = "A shard the consumer holds; repeatable.")
  List<Integer> held = new ArrayList<>();

  @Override
  void run(ConsumerGroupApi api) {
    List<Integer> assigned = api.heartbeat(logstore, consumerGroup, consumer, held).execute().body();
    StringBuilder text = new StringBuilder("shards assigned to " + consumer + ":");
    for (Integer shard : assigned) text.append(' ').append(shard);
    print(assigned.isEmpty() ? text + " none" : text.toString(), assigned);
  }
}

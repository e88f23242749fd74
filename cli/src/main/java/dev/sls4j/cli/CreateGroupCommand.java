package dev.sls4j.cli;

import dev.sls4j.client.SlsResponse;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.CreateConsumerGroupRequest;
import java.util.Collections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "create-group", mixinStandardHelpOptions = true,
    description = "Creates a consumer group (CreateConsumerGroup).")
final class CreateGroupCommand extends GroupCommand {
  @Option(names = "--timeout", required = true, paramLabel = "SECONDS",
      description = "Seconds without a heartbeat after which a consumer leaves the group.")
  int timeout;

  @Option(names = "--order", description = "Consume in order of shard splits and merges.")
  boolean order;

  private CreateConsumerGroupRequest group;

  @Override
  void validate() {
    CreateConsumerGroupRequest.Builder body = CreateConsumerGroupRequest.builder().order(order);
    Usage.check(spec, "--consumer-group", () -> body.consumerGroup(consumerGroup));
    Usage.check(spec, "--timeout", () -> body.timeout(timeout));
    group = body.build();
  }

  @Override
  void run(ConsumerGroupApi api) {
    SlsResponse<Void> response = api.createConsumerGroup(logstore, group).execute();
    print("created consumer group " + consumerGroup + " (timeout " + timeout + " s, order " + order + "), request id "
        + response.requestId(), Collections.singletonMap("requestId", response.requestId()));
  }
}

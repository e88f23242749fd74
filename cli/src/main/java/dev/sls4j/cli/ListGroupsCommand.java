package dev.sls4j.cli;

import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.ConsumerGroup;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "list-groups", mixinStandardHelpOptions = true,
    description = "Lists the consumer groups of a logstore (ListConsumerGroup).")
final class ListGroupsCommand extends ApiCommand {
  @Override
  void run(ConsumerGroupApi api) {
    List<ConsumerGroup> groups = api.listConsumerGroup(logstore).execute().body();
    Table table = new Table("NAME", "TIMEOUT", "ORDER");
    for (ConsumerGroup group : groups) table.row(group.name(), group.timeout(), group.order());
    print(table.toString(), groups);
  }
}

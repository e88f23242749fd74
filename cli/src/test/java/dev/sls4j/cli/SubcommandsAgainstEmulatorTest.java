package dev.sls4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sls4j.emulator.SlsEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every subcommand, for people and for scripts, against an emulator in this JVM. */
class SubcommandsAgainstEmulatorTest {
  private SlsEmulator emulator;
  private Map<String, String> environment;

  @BeforeEach
  void setUp() throws Exception {
    emulator = SlsEmulator.builder().port(0).start();
    environment = Map.of(
        "ALIBABA_CLOUD_ACCESS_KEY_ID", emulator.credentials().accessKeyId(),
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", emulator.credentials().accessKeySecret());
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  /** Runs {@code command} on logstore app-log of project p1 and returns stdout; fails on a non-zero exit. */
  private String sls(String command, String... options) {
    List<String> args = new ArrayList<>(List.of(command, "--endpoint", emulator.endpoint(), "--project", "p1",
        "--logstore", "app-log"));
    args.addAll(List.of(options));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = SlsCli.run(args.toArray(new String[0]), environment, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, status, command + ": " + err);
    return out.toString().trim();
  }

  @Test
  void lifecycleForPeople() {
    assertTrue(sls("create-group", "--consumer-group", "g1", "--timeout", "60")
        .startsWith("created consumer group g1 (timeout 60 s, order false), request id "));
    assertEquals("NAME  TIMEOUT  ORDER\ng1    60       false", sls("list-groups"));
    assertEquals("shards assigned to c1: 0 1", sls("heartbeat", "--consumer-group", "g1", "--consumer", "c1"));
    sls("update-checkpoint", "--consumer-group", "g1", "--consumer", "c1", "--shard", "1", "--checkpoint", "eA==");
    String table = sls("get-checkpoint", "--consumer-group", "g1");
    assertTrue(table.startsWith("SHARD  CHECKPOINT  UPDATED"), table);
    assertTrue(table.matches("(?s).*\n1      eA==        \\S+Z  c1"), table);
    assertTrue(sls("update-group", "--consumer-group", "g1", "--order", "true").startsWith("updated consumer group"));
    assertEquals("reset 2 shard(s) of g1 to cmVzZXQ=",
        sls("reset-checkpoints", "--consumer-group", "g1", "--checkpoint", "cmVzZXQ="));
    assertTrue(sls("delete-group", "--consumer-group", "g1").startsWith("deleted consumer group g1"));
    assertEquals("NAME  TIMEOUT  ORDER", sls("list-groups"));
  }

  @Test
  void lifecycleForScripts() {
    assertTrue(sls("create-group", "--consumer-group", "g1", "--timeout", "60", "--order", "--output", "json")
        .matches("\\{\"requestId\":\"[0-9A-F]{24}\"}"));
    assertEquals("[{\"name\":\"g1\",\"order\":true,\"timeout\":60}]", sls("list-groups", "--output", "json"));
    assertEquals("[0,1]", sls("heartbeat", "--consumer-group", "g1", "--consumer", "c1", "--output", "json"));
    assertEquals("{\"shards\":[0,1]}",
        sls("reset-checkpoints", "--consumer-group", "g1", "--checkpoint", "eA==", "--output", "json"));
    assertTrue(sls("get-checkpoint", "--consumer-group", "g1", "--shard", "0", "--output", "json")
        .matches("\\[\\{\"checkpoint\":\"eA==\",\"consumer\":\"\",\"shard\":0,\"updateTime\":\\d+}]"));
  }

  @Test
  void updateGroupNeedsSomethingToChange() {
    StringWriter err = new StringWriter();
    int status = SlsCli.run(new String[] {"update-group", "--endpoint", emulator.endpoint(), "--project", "p1",
        "--logstore", "l1", "--consumer-group", "g1"}, environment, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(2, status);
    assertTrue(err.toString().startsWith("give --timeout, --order or both"), err.toString());
  }

  @Test
  void demoWalksTheLifecycleWithoutCredentials() {
    StringWriter out = new StringWriter();
    int status = SlsCli.run(new String[] {"demo"}, Map.of(), new PrintWriter(out), new PrintWriter(new StringWriter()));

    assertEquals(0, status);
    String transcript = out.toString();
    for (String step : List.of("createConsumerGroup", "heartbeat consumer-2", "assigned [0] (the group rebalanced)",
        "refused with ConsumerNotMatch", "deleteConsumerGroup")) {
      assertTrue(transcript.contains(step), step + " in:\n" + transcript);
    }
  }
}

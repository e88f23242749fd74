package dev.sls4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsumerGroupsTest {
  private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

  private static ConsumerGroups groups(Clock clock, int shards) {
    return new ConsumerGroups(clock, shards, Map.of(), null, state -> { });
  }

  @ParameterizedTest(name = "{0} shards, {1} consumers")
  @CsvSource({"2, 1", "2, 2", "2, 3", "5, 3", "8, 3", "16, 5", "1, 4"})
  void everyShardHasExactlyOneLiveHolderAndSharesDifferByAtMostOne(int shards, int consumers) {
    ConsumerGroups groups = groups(FIXED, shards);
    groups.create("p", "l", "g", 60, false);
    for (int round = 0; round < 2; round++) {
      for (int c = 0; c < consumers; c++) groups.heartbeat("p", "l", "g", "c" + c);
    }

    Map<String, List<Integer>> held = new HashMap<>();
    for (int c = 0; c < consumers; c++) held.put("c" + c, groups.heartbeat("p", "l", "g", "c" + c));
    // the last round may still move shards between consumers heard before; ask everyone once more
    for (int c = 0; c < consumers; c++) held.put("c" + c, groups.heartbeat("p", "l", "g", "c" + c));

    TreeSet<Integer> all = new TreeSet<>();
    int total = 0;
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (List<Integer> shardsOfOne : held.values()) {
      all.addAll(shardsOfOne);
      total += shardsOfOne.size();
      min = Math.min(min, shardsOfOne.size());
      max = Math.max(max, shardsOfOne.size());
    }
    assertEquals(shards, total, "no shard held twice: " + held);
    assertEquals(shards, all.size(), "no shard left out: " + held);
    assertTrue(max - min <= 1, "fair: " + held);
  }

  @Test
  void aNewcomerTakesShardsOnlyFromTheBusiest() {
    ConsumerGroups groups = groups(FIXED, 4);
    groups.create("p", "l", "g", 60, false);
    groups.heartbeat("p", "l", "g", "a");
    List<Integer> b = groups.heartbeat("p", "l", "g", "b");
    List<Integer> a = groups.heartbeat("p", "l", "g", "a");

    List<Integer> c = groups.heartbeat("p", "l", "g", "c");

    assertEquals(1, c.size());
    List<Integer> aAfter = groups.heartbeat("p", "l", "g", "a");
    List<Integer> bAfter = groups.heartbeat("p", "l", "g", "b");
    assertTrue(a.containsAll(aAfter) && b.containsAll(bAfter), "a and b keep what they kept: " + aAfter + bAfter);
  }

  @Test
  void aConsumerStaysForExactlyTheTimeout() {
    MutableClock clock = new MutableClock();
    ConsumerGroups groups = groups(clock, 2);
    groups.create("p", "l", "g", 10, false);
    groups.heartbeat("p", "l", "g", "a");
    groups.heartbeat("p", "l", "g", "b");

    clock.millis += 10_000;
    assertEquals(1, groups.heartbeat("p", "l", "g", "a").size(), "b is silent for exactly 10 s: still in");
    clock.millis += 1;
    assertEquals(List.of(0, 1), groups.heartbeat("p", "l", "g", "a"), "b is silent for longer: out");
  }

  @Test
  void invalidSettingsAreRefusedWithTheirRule() {
    ConsumerGroups groups = groups(FIXED, 2);
    assertEquals("ParameterInvalid",
        assertThrows(SlsError.class, () -> groups.create("p", "l", "bad name", 60, false)).code);
    assertEquals("ParameterInvalid",
        assertThrows(SlsError.class, () -> groups.create("p", "l", "g", 0, false)).code);
    groups.create("p", "l", "g", 60, false);
    assertEquals("ParameterInvalid", assertThrows(SlsError.class, () -> groups.update("p", "l", "g", null, null)).code);
    assertEquals("ParameterInvalid", assertThrows(SlsError.class, () -> groups.heartbeat("p", "l", "g", "")).code);
    assertEquals("ParameterInvalid",
        assertThrows(SlsError.class, () -> groups.commit("p", "l", "g", "", true, 0, "")).code);
  }

  @Test
  void theDataFileHoldsEveryGroupAndCheckpoint(@TempDir Path dir) throws Exception {
    StateFile file = new StateFile(dir.resolve("nested/state.json"));
    ConsumerGroups groups = new ConsumerGroups(FIXED, 3, Map.of(), null, file);
    groups.create("p", "l", "g", 60, true);
    groups.heartbeat("p", "l", "g", "c1");
    groups.commit("p", "l", "g", "c1", false, 2, "Y2hlY2twb2ludA==");

    ConsumerGroups reloaded = new ConsumerGroups(FIXED, 3, Map.of(), file.load(), state -> { });

    assertEquals(groups.list("p", "l"), reloaded.list("p", "l"));
    assertEquals(groups.checkpoints("p", "l", "g", null), reloaded.checkpoints("p", "l", "g", null));
    assertEquals(List.of(0, 1, 2), reloaded.heartbeat("p", "l", "g", "c1"), "membership survives too");
  }

  @Test
  void concurrentCommitsLoseNothing() throws Exception {
    ConsumerGroups groups = groups(FIXED, 8);
    groups.create("p", "l", "g", 60, false);
    List<Thread> threads = new ArrayList<>();
    for (int shard = 0; shard < 8; shard++) {
      int mine = shard;
      threads.add(new Thread(() -> {
        for (int i = 1; i <= 500; i++) groups.commit("p", "l", "g", "", true, mine, "cp-" + mine + "-" + i);
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) thread.join();

    for (Map<String, Object> entry : groups.checkpoints("p", "l", "g", null)) {
      assertEquals("cp-" + entry.get("shard") + "-500", entry.get("checkpoint"));
    }
  }

  private static final class MutableClock extends Clock {
    long millis = FIXED.millis();

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}

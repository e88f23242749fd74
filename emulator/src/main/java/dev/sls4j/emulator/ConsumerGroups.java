package dev.sls4j.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The consumer-group semantics of SLS, in memory: groups with timeout and order, consumers that stay members while
 * they heart-beat, a fair assignment of shards to live consumers, and checkpoints that only a shard's holder (or a
 * forced commit) may write. Thread-safe: every operation holds the instance's lock, and a mutation is handed to the
 * {@link Persistence} before the operation returns, so that what was acknowledged survives a restart.
 */
final class ConsumerGroups {
  private static final Pattern GROUP_NAME = Pattern.compile("[0-9a-zA-Z_-]{1,128}");

  /** Receives the whole state after each change; called under the lock. */
  interface Persistence {
    void save(State state);
  }

  /** The whole state: what is persisted, and what reset clears. Public fields so that Moshi can write them. */
  static final class State {
    Map<String, Map<String, Logstore>> projects = new TreeMap<>();
  }

  static final class Logstore {
    int shardCount;
    Map<String, Group> groups = new LinkedHashMap<>();
  }

  static final class Group {
    String name;
    int timeout;
    boolean order;
    /** Live consumers and the time of their last heartbeat, in epoch milliseconds. */
    Map<String, Long> consumers = new TreeMap<>();
    Map<Integer, String> owners = new TreeMap<>();
    Map<Integer, Checkpoint> checkpoints = new TreeMap<>();
  }

  static final class Checkpoint {
    String checkpoint;
    long updateTime;
    String consumer;
  }

  private final Clock clock;
  private final int defaultShardCount;
  private final Map<String, Integer> shardCounts;
  private final Persistence persistence;
  private State state;

  ConsumerGroups(Clock clock, int defaultShardCount, Map<String, Integer> shardCounts, State initial,
      Persistence persistence) {
    this.clock = clock;
    this.defaultShardCount = defaultShardCount;
    this.shardCounts = shardCounts;
    this.state = initial != null ? initial : new State();
    this.persistence = persistence;
  }

  synchronized void reset() {
    state = new State();
    persistence.save(state);
  }

  synchronized void create(String project, String logstore, String name, int timeout, boolean order) {
    if (!GROUP_NAME.matcher(name).matches()) {
      throw SlsError.invalid("consumerGroup must match [0-9a-zA-Z_-]{1,128}: " + name);
    }
    requireTimeout(timeout);
    Logstore store = logstore(project, logstore);
    if (store.groups.containsKey(name)) {
      throw new SlsError(400, "ConsumerGroupAlreadyExist", "consumer group " + name + " already exists");
    }
    Group group = new Group();
    group.name = name;
    group.timeout = timeout;
    group.order = order;
    store.groups.put(name, group);
    persistence.save(state);
  }

  synchronized void update(String project, String logstore, String name, Integer timeout, Boolean order) {
    if (timeout == null && order == null) throw SlsError.invalid("set timeout, order or both");
    if (timeout != null) requireTimeout(timeout);
    Group group = group(project, logstore, name);
    if (timeout != null) group.timeout = timeout;
    if (order != null) group.order = order;
    persistence.save(state);
  }

  synchronized void delete(String project, String logstore, String name) {
    group(project, logstore, name);
    logstore(project, logstore).groups.remove(name);
    persistence.save(state);
  }

  synchronized List<Map<String, Object>> list(String project, String logstore) {
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Group group : logstore(project, logstore).groups.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", group.name);
      entry.put("timeout", group.timeout);
      entry.put("order", group.order);
      groups.add(entry);
    }
    return groups;
  }

  /** Records that {@code consumer} is alive, rebalances, and returns the shards it now holds. */
  synchronized List<Integer> heartbeat(String project, String logstore, String name, String consumer) {
    if (consumer == null || consumer.isEmpty()) throw SlsError.invalid("consumer is required");
    Logstore store = logstore(project, logstore);
    Group group = group(project, logstore, name);
    long now = clock.millis();
    expire(group, now);
    group.consumers.put(consumer, now);
    rebalance(group, store.shardCount);
    persistence.save(state);
    return shardsOf(group, consumer);
  }

  synchronized void commit(String project, String logstore, String name, String consumer, boolean force,
      int shard, String checkpoint) {
    Logstore store = logstore(project, logstore);
    Group group = group(project, logstore, name);
    if (shard < 0 || shard >= store.shardCount) {
      throw new SlsError(400, "ShardNotExist", "shard " + shard + " does not exist");
    }
    if (checkpoint == null || checkpoint.isEmpty()) throw SlsError.invalid("checkpoint must not be empty");
    if (!force) {
      if (consumer == null || consumer.isEmpty()) {
        throw SlsError.invalid("consumer is required unless forceSuccess is true");
      }
      expire(group, clock.millis());
      if (!group.consumers.containsKey(consumer)) {
        throw new SlsError(400, "ConsumerNotExsit", "consumer " + consumer + " does not exist in the group");
      }
      if (!consumer.equals(group.owners.get(shard))) {
        throw new SlsError(400, "ConsumerNotMatch", "shard " + shard + " is not held by consumer " + consumer);
      }
    }
    Checkpoint saved = new Checkpoint();
    saved.checkpoint = checkpoint;
    saved.updateTime = clock.millis() * 1000;
    saved.consumer = consumer == null ? "" : consumer;
    group.checkpoints.put(shard, saved);
    persistence.save(state);
  }

  /** Every shard's checkpoint, or one shard's; an unknown shard gives an empty list, as the service does. */
  synchronized List<Map<String, Object>> checkpoints(String project, String logstore, String name, Integer shard) {
    Logstore store = logstore(project, logstore);
    Group group = group(project, logstore, name);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (int i = 0; i < store.shardCount; i++) {
      if (shard != null && shard != i) continue;
      Checkpoint saved = group.checkpoints.get(i);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("shard", i);
      entry.put("checkpoint", saved != null ? saved.checkpoint : "");
      entry.put("updateTime", saved != null ? saved.updateTime : 0L);
      entry.put("consumer", saved != null ? saved.consumer : "");
      entries.add(entry);
    }
    return entries;
  }

  private Logstore logstore(String project, String logstore) {
    return state.projects.computeIfAbsent(project, p -> new TreeMap<>()).computeIfAbsent(logstore, l -> {
      Logstore created = new Logstore();
      created.shardCount = shardCounts.getOrDefault(logstore, defaultShardCount);
      return created;
    });
  }

  private Group group(String project, String logstore, String name) {
    Group group = logstore(project, logstore).groups.get(name);
    if (group == null) throw SlsError.groupNotExist(name);
    return group;
  }

  private static void requireTimeout(int timeout) {
    if (timeout < 1 || timeout > 86400) throw SlsError.invalid("timeout must be 1 to 86400 seconds: " + timeout);
  }

  /** Consumers silent for longer than the group's timeout leave it, and give up their shards. */
  private static void expire(Group group, long now) {
    group.consumers.entrySet().removeIf(e -> now - e.getValue() > group.timeout * 1000L);
    group.owners.values().removeIf(owner -> !group.consumers.containsKey(owner));
  }

  /**
   * Shares the shards fairly: each live consumer gets {@code shards / consumers}, and the first
   * {@code shards % consumers} one more, preferring those that already hold more so that few shards move.
   */
  private static void rebalance(Group group, int shardCount) {
    Map<String, List<Integer>> held = new TreeMap<>();
    for (String consumer : group.consumers.keySet()) held.put(consumer, new ArrayList<>());
    group.owners.forEach((shard, owner) -> {
      if (shard < shardCount) held.get(owner).add(shard);
    });
    List<String> byLoad = new ArrayList<>(held.keySet());
    byLoad.sort(Comparator.comparing((String c) -> -held.get(c).size()).thenComparing(c -> c));
    int base = shardCount / byLoad.size();
    int extra = shardCount % byLoad.size();
    Map<String, Integer> quota = new TreeMap<>();
    for (int i = 0; i < byLoad.size(); i++) quota.put(byLoad.get(i), base + (i < extra ? 1 : 0));

    group.owners.clear();
    for (String consumer : byLoad) {
      List<Integer> shards = held.get(consumer);
      for (int i = 0; i < shards.size() && i < quota.get(consumer); i++) group.owners.put(shards.get(i), consumer);
    }
    for (int shard = 0; shard < shardCount; shard++) {
      if (group.owners.containsKey(shard)) continue;
      for (String consumer : byLoad) {
        if (shardsOf(group, consumer).size() < quota.get(consumer)) {
          group.owners.put(shard, consumer);
          break;
        }
      }
    }
  }

  private static List<Integer> shardsOf(Group group, String consumer) {
    List<Integer> shards = new ArrayList<>();
    group.owners.forEach((shard, owner) -> {
      if (owner.equals(consumer)) shards.add(shard);
    });
    return shards;
  }
}

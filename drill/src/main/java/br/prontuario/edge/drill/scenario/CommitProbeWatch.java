package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.measure.CommitProbes;
import br.prontuario.edge.drill.measure.LeaseAnswer;
import br.prontuario.edge.drill.measure.LeaseTimeline;
import br.prontuario.edge.drill.measure.LinkCut;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Probes each data node's PostgreSQL with a commit every {@link #PERIOD} during a run (one thread
 * per node), to see which nodes acknowledged writes when: the isolated-primary evidence that the
 * clients' view through the entry points cannot give.
 */
public final class CommitProbeWatch implements AutoCloseable {

  static final Duration PERIOD = Duration.ofMillis(500);
  private static final List<String> DATA_NODES = List.of("node-a", "node-b");

  private final ClusterControl cluster;
  private final Clock clock;
  private final Instant startedAt;
  private final Map<String, List<Instant>> acknowledged = new LinkedHashMap<>();
  private final Map<String, List<Instant>> withoutLease = new LinkedHashMap<>();
  private final Map<String, List<LeaseTimeline.Observation>> leaseAnswers = new LinkedHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  public CommitProbeWatch(ClusterControl cluster, Clock clock) {
    this.cluster = cluster;
    this.clock = clock;
    this.startedAt = clock.instant();
    for (String node : DATA_NODES) {
      List<Instant> times = new CopyOnWriteArrayList<>();
      List<Instant> leaseless = new CopyOnWriteArrayList<>();
      acknowledged.put(node, times);
      withoutLease.put(node, leaseless);
      List<LeaseTimeline.Observation> answers = new CopyOnWriteArrayList<>();
      leaseAnswers.put(node, answers);
      Thread thread = new Thread(() -> probe(node, times, leaseless, answers), "drill-commit-probe-" + node);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /**
   * Asks the node whether it holds the leader lease before each commit: cut off, it cannot win
   * the lease back, so a commit acknowledged after a "no" came after the lease was lost.
   */
  private void probe(String node, List<Instant> times, List<Instant> leaseless,
      List<LeaseTimeline.Observation> answers) {
    while (running) {
      Instant sent = clock.instant();
      LeaseAnswer answer = cluster.leaseAnswer(node);
      answers.add(new LeaseTimeline.Observation(sent, answer));
      // the partition drills' rule: a node cut off is reachable by the drill, so it answers
      if (answer != LeaseAnswer.HELD) {
        leaseless.add(sent);
      }
      if (cluster.acknowledgesProbeCommit(node) && running) {
        times.add(clock.instant());
      }
      long rest = PERIOD.minus(Duration.between(sent, clock.instant())).toMillis();
      try {
        Thread.sleep(Math.max(rest, 0));
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * What the probes saw so far, with the cuts made since the watch started and the clients' notes
   * by the edge-node that acknowledged each.
   */
  public CommitProbes result(List<AckedWrite> notes) {
    List<LinkCut> cuts = cluster.cuts().stream().filter(c -> !c.cutAt().isBefore(startedAt)).toList();
    Map<String, List<Instant>> notesByNode = new LinkedHashMap<>();
    notes.stream().filter(n -> n.servedBy() != null)
        .forEach(n -> notesByNode.computeIfAbsent(n.servedBy(), k -> new ArrayList<>()).add(n.ackAt()));
    return new CommitProbes(PERIOD, acknowledged, cuts, notesByNode, withoutLease);
  }

  /** Every lease answer so far, each node's in time order. */
  public LeaseTimeline leaseTimeline() {
    return new LeaseTimeline(leaseAnswers);
  }

  @Override
  public void close() {
    running = false;
    threads.forEach(Thread::interrupt);
  }
}

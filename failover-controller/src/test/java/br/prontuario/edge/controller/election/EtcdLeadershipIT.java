package br.prontuario.edge.controller.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.testsupport.servers.RealEtcd;
import br.prontuario.edge.testsupport.servers.RunningServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** Two controller replicas against one real single-member etcd 3.4. */
class EtcdLeadershipIT {

  private static final Duration TTL = Duration.ofSeconds(3);

  @RegisterExtension
  static final RunningServer<RealEtcd> etcd = new RunningServer<>(RealEtcd::start);

  private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
  private final AtomicBoolean bothActed = new AtomicBoolean();
  private EtcdLeadership first;
  private EtcdLeadership second;

  @AfterEach
  void stopAll() {
    watcher.shutdownNow();
    first.close();
    second.close();
  }

  @Test
  void exactlyOneOfTwoControllersActsAndTheOtherTakesOverWhenItStops() {
    startBoth("exactly-one");
    await().atMost(Duration.ofSeconds(15)).until(() -> first.isLeader() ^ second.isLeader());
    EtcdLeadership leader = first.isLeader() ? first : second;
    EtcdLeadership follower = leader == first ? second : first;
    await().during(TTL).atMost(TTL.multipliedBy(3)).until(() -> leader.isLeader() && !follower.isLeader());
    assertThat(follower.leader()).contains(leader.identity());

    leader.close();

    await().atMost(Duration.ofSeconds(15)).until(follower::isLeader);
    assertThat(bothActed).isFalse();
  }

  @Test
  void aVanishedLeaderIsReplacedOnlyAfterItHasStoppedActing() {
    startBoth("vanished");
    await().atMost(Duration.ofSeconds(15)).until(() -> first.isLeader() ^ second.isLeader());
    EtcdLeadership leader = first.isLeader() ? first : second;
    EtcdLeadership follower = leader == first ? second : first;

    leader.abandon();

    await().atMost(Duration.ofSeconds(20)).until(follower::isLeader);
    assertThat(leader.isLeader()).isFalse();
    assertThat(bothActed).isFalse();
  }

  private void startBoth(String key) {
    JsonMapper json = JsonMapper.builder().build();
    String endpoint = etcd.get().endpoint();
    first = new EtcdLeadership(List.of(endpoint), "controller-1", key, TTL, json, Clock.systemUTC());
    second = new EtcdLeadership(List.of("http://127.0.0.1:" + FreePorts.next(), endpoint), "controller-2", key, TTL,
        json, Clock.systemUTC());
    first.start();
    second.start();
    watcher.scheduleAtFixedRate(() -> {
      if (first.isLeader() && second.isLeader()) {
        bothActed.set(true);
      }
    }, 0, 20, TimeUnit.MILLISECONDS);
  }
}

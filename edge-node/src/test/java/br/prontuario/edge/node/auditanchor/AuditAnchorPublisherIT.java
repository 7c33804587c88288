package br.prontuario.edge.node.auditanchor;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.audit.AuditChain;
import br.prontuario.edge.common.audit.AuditEvent;
import br.prontuario.edge.common.audit.anchor.AuditAnchor;
import br.prontuario.edge.common.audit.anchor.EtcdAnchorStore;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.servers.RealEtcd;
import br.prontuario.edge.testsupport.servers.RunningServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The publisher against the API tests' real PostgreSQL and a real etcd per test: it copies the
 * chain's head, follows it as the chain grows, and refuses to anchor over an anchor the chain no
 * longer reaches (the evidence of a truncation stays in etcd and the gauge says so).
 */
class AuditAnchorPublisherIT extends EdgeNodeIT {

  @RegisterExtension
  final RunningServer<RealEtcd> etcd = new RunningServer<>(RealEtcd::start);

  @Autowired DataSource dataSource;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void copiesTheHeadAndFollowsTheChainAsItGrows() throws Exception {
    AuditAnchorPublisher publisher = publisher();
    publisher.publishOnce();
    long first = anchored().seq();
    assertThat(first).isEqualTo(headSeq());
    assertThat(gauge("audit_anchor_seq")).isEqualTo(first);

    appendAuditRow();
    publisher.publishOnce();
    assertThat(anchored().seq()).isGreaterThan(first).isEqualTo(headSeq());
    assertThat(gauge("audit_anchor_mismatch")).isZero();
    assertThat(gauge("audit_anchor_timestamp_seconds")).isPositive();
  }

  @Test
  void anAnchorPastTheChainsEndIsReportedAndNeverOverwritten() throws Exception {
    // as if rows after the head had been removed since this anchor was taken
    AuditAnchor ahead = new AuditAnchor(headSeq() + 1000, "a".repeat(64), Instant.now());
    assertThat(store().advance(ahead)).isEqualTo(EtcdAnchorStore.Advance.ADVANCED);
    AuditAnchorPublisher publisher = publisher();
    publisher.publishOnce();
    assertThat(gauge("audit_anchor_mismatch")).isEqualTo(1);
    assertThat(anchored()).isEqualTo(ahead);

    appendAuditRow();
    publisher.publishOnce();
    assertThat(anchored()).isEqualTo(ahead);
    assertThat(gauge("audit_anchor_mismatch")).isEqualTo(1);
  }

  private AuditAnchorPublisher publisher() {
    AuditAnchorProperties properties = new AuditAnchorProperties(
        Map.of("edge", List.of(etcd.get().endpoint())), Duration.ofSeconds(30),
        EtcdAnchorStore.DEFAULT_KEY, Duration.ofSeconds(2), null);
    return new AuditAnchorPublisher(properties, dataSource, Clock.systemUTC(), meters);
  }

  private EtcdAnchorStore store() {
    return new EtcdAnchorStore("edge", List.of(etcd.get().endpoint()), EtcdAnchorStore.DEFAULT_KEY,
        Duration.ofSeconds(2));
  }

  private AuditAnchor anchored() {
    return ((EtcdAnchorStore.Found) store().read()).anchor();
  }

  private long headSeq() {
    return jdbc.queryForObject("SELECT max(seq) FROM audit_log", Long.class);
  }

  private double gauge(String name) {
    return meters.get(name).tag("store", "edge").gauge().value();
  }

  private void appendAuditRow() throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      AuditChain.append(c, new AuditEvent("system", "system", "anchor.test", null, "anchor-test",
          "anchor-test", null, null), Clock.systemUTC());
      c.commit();
    }
  }
}

package br.prontuario.edge.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading edge-node's Prometheus scrape: the highest value over its anchor stores, else 0. */
class AuditAnchorWatchTest {

  private static final String SCRAPE = String.join("\n",
      "# HELP audit_anchor_mismatch 1 when the audit chain no longer holds the row this store anchored",
      "# TYPE audit_anchor_mismatch gauge",
      "audit_anchor_mismatch{store=\"cloud\"} 0.0",
      "audit_anchor_mismatch{store=\"edge\"} 1.0",
      "audit_anchor_mismatch_other 7.0",
      "audit_anchor_seq{store=\"edge\"} 4120.0",
      "");

  @Test
  void aMismatchInAnyStoreIsTheNodesValue() {
    assertThat(AuditAnchorWatch.mismatchIn(SCRAPE)).isEqualTo(1.0);
  }

  @Test
  void noSuchSeriesIsZero() {
    assertThat(AuditAnchorWatch.mismatchIn("jvm_threads_live_threads 42.0\n")).isZero();
    assertThat(AuditAnchorWatch.mismatchIn(SCRAPE.replace("} 1.0", "} 0.0"))).isZero();
  }
}

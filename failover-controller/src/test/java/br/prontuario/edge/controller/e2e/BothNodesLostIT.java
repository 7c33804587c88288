package br.prontuario.edge.controller.e2e;

import static br.prontuario.edge.controller.e2e.ControllerCluster.MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cloud.FailbackResult;
import br.prontuario.edge.localcluster.config.NodeName;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both edge nodes are lost: the cloud serves, and when the nodes return no clinician is back on
 * the edge before the cloud's writes are.
 */
@ExtendWith(ControllerClusterExtension.class)
class BothNodesLostIT {

  @Test
  void bothNodesLostTheCloudServesAndNoClinicianIsBackOnTheEdgeBeforeItsWritesAre(
      ControllerCluster c) {
    ControllerApiClient acting = c.acting();
    long start = acting.lastSequence();
    // one replica left, as after a takeover: with etcd's quorum gone no lease can move, so the
    // whole emergency and its failback are this replica's decisions
    c.cluster.kill(NodeName.WITNESS, c.observer(acting).component());
    EdgeApi api = c.api();
    String patient = api.createPatient("Paciente Nuvem", "1980-02-03", "female",
        "e2e-cloud-" + System.nanoTime()).text("id");
    assertThat(patient).isNotNull();

    c.cluster.kill(NodeName.NODE_B);
    c.cluster.kill(NodeName.NODE_A);

    // both down on both signals: the lease cannot be renewed (etcd lost its quorum), yet the cloud
    // is promoted and routed; the note is written there
    AtomicInteger attempt = new AtomicInteger();
    String[] cloudNote = new String[1];
    await("a note written in the cloud").atMost(MOVE).pollInterval(Duration.ofSeconds(1))
        .until(() -> {
          var r = api.writeNote(patient, "Escrita na nuvem",
              "e2e-cloud-note-" + attempt.incrementAndGet());
          cloudNote[0] = r.ok() && r.emergency() ? r.createdId() : null;
          return cloudNote[0] != null;
        });
    assertThat(acting.state()).isEqualTo("EMERGENCY_CLOUD");

    // the nodes come back: every answer the edge gives already holds the cloud's note
    c.cluster.start(NodeName.NODE_A);
    c.cluster.start(NodeName.NODE_B);
    await("clinicians back on the edge").atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200)).until(() -> {
          var page = api.listNotes(patient, 200, null);
          if (!page.ok() || page.emergency()) {
            return false;
          }
          assertThat(page.body().path("items").findValuesAsString("id"))
              .as("an edge answer lacking the note written in the cloud").contains(cloudNote[0]);
          return true;
        });
    // the decision is recorded once the whole action is done (drain and second merge included)
    await().atMost(Duration.ofSeconds(30)).until(() -> acting.historyAfter(start).stream()
        .anyMatch(e -> e.path("results").toString().contains("merged: 1 notes")));

    // edgectl failback then finds nothing new, re-seeds the cloud and ends the emergency
    var failback = CloudSite.failback(c.cluster, Duration.ofMinutes(3));
    assertThat(failback).isInstanceOf(FailbackResult.FailedBack.class);
    assertThat(((FailbackResult.FailedBack) failback).merged().notes()).doesNotContain(cloudNote[0]);
    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()));
  }
}

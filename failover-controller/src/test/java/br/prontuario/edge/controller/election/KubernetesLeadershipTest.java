package br.prontuario.edge.controller.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** fabric8's LeaderElector on a Lease, against the Kubernetes mock server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesLeadershipTest {

  KubernetesClient client;

  @Test
  void onlyOneReplicaLeadsAndTheOtherTakesOverWhenItStops() {
    KubernetesLeadership first = leadership("controller-1");
    KubernetesLeadership second = leadership("controller-2");
    first.start();
    await().atMost(Duration.ofSeconds(10)).until(first::isLeader);
    second.start();

    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> first.isLeader() && !second.isLeader());
    assertThat(second.leader()).contains("controller-1");
    assertThat(client.leases().inNamespace("prontuario").withName("failover-controller").get()
        .getSpec().getHolderIdentity()).isEqualTo("controller-1");

    first.close();

    await().atMost(Duration.ofSeconds(15)).until(second::isLeader);
    second.close();
  }

  private KubernetesLeadership leadership(String identity) {
    return new KubernetesLeadership(client, "prontuario", "failover-controller", identity, Duration.ofSeconds(2));
  }
}

package br.prontuario.edge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The images Jib would build (no base image can be fetched here) against the manifests that run
 * them: entrypoint class, user, ports, JVM sizing and a writable /tmp on a read-only root.
 */
class JibImagesTest {

  @ParameterizedTest
  @CsvSource({"edge-node, local, edge-node-a", "cloud-fallback, gke, cloud-fallback",
      "failover-controller, local, failover-controller"})
  void theImageMatchesTheDeploymentThatRunsIt(String module, String overlay, String deployment) {
    JibConfig jib = JibConfig.of(Manifests.repoRoot(), module);
    PodSpec pod = StrictModel.read(Manifests.find(Manifests.render(overlay), "Deployment", deployment),
        Deployment.class).getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);

    assertThat(jib.boundToTheBuild()).as("jib runs by command only").isFalse();
    assertThat(jib.baseImage()).matches("[a-z0-9./-]+:[a-z0-9.-]+@sha256:[0-9a-f]{64}");
    assertThat(Files.exists(Manifests.repoRoot().resolve(module).resolve("src/main/java")
        .resolve(jib.mainClass().replace('.', '/') + ".java"))).as(jib.mainClass()).isTrue();
    assertThat(jib.uid()).isNotZero().isEqualTo(pod.getSecurityContext().getRunAsUser());
    assertThat(jib.gid()).isEqualTo(pod.getSecurityContext().getRunAsGroup());
    assertThat(jib.ports()).containsExactlyInAnyOrderElementsOf(
        container.getPorts().stream().map(ContainerPort::getContainerPort).toList());
    assertThat(jib.jvmFlags()).anyMatch(f -> f.startsWith("-XX:MaxRAMPercentage="))
        .contains("-Djava.io.tmpdir=/tmp");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp")
        && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
    if (overlay.equals("gke")) {
      assertThat(container.getImage()).startsWith(jib.targetRepository() + "/" + module + ":");
    }
  }
}

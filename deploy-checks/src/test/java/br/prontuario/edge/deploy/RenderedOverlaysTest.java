package br.prontuario.edge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every object of both overlays, read strictly; what every container must declare. */
class RenderedOverlaysTest {

  private static final CrdSchema CRDS = CrdSchema.load(
      Manifests.repoRoot().resolve("deploy-checks/src/test/resources/crds"));

  @ParameterizedTest
  @ValueSource(strings = {"gke", "local"})
  void everyObjectReadsStrictlyAsAFabric8ModelOrAgainstItsPinnedCrd(String overlay) {
    List<JsonNode> objects = Manifests.render(overlay);
    assertThat(objects).hasSizeGreaterThan(10);

    for (JsonNode object : objects) {
      String what = overlay + ": " + object.path("kind").asString() + " "
          + object.path("metadata").path("name").asString();
      if (StrictModel.modelClass(object).isPresent()) {
        HasMetadata read = StrictModel.read(object);
        assertThat(read.getMetadata().getName()).as(what).isNotBlank();
      } else {
        assertThat(CRDS.knows(object)).as(what + ": a custom resource without a pinned CRD").isTrue();
        assertThat(CRDS.violations(object)).as(what).isEmpty();
        StrictModel.read(object.path("metadata"), ObjectMeta.class);
      }
    }
  }

  @Test
  void aMisspeltFieldFailsTheStrictRead() {
    JsonNode cloudFallback = Manifests.find(Manifests.render("gke"), "Deployment", "cloud-fallback");
    ObjectNode misspelt = (ObjectNode) cloudFallback.deepCopy();
    ((ObjectNode) misspelt.path("spec")).put("replica", 2);

    assertThatThrownBy(() -> StrictModel.read(misspelt)).hasMessageContaining("replica");
  }

  @Test
  void aMisspeltFieldInACustomResourceIsAViolation() {
    JsonNode monitoring = Manifests.find(Manifests.render("gke"), "PodMonitoring", "cloud-fallback");
    ObjectNode misspelt = (ObjectNode) monitoring.deepCopy();
    ((ObjectNode) misspelt.path("spec").path("endpoints").get(0)).put("intervall", "15s");

    assertThat(CRDS.violations(misspelt)).singleElement().asString().contains("intervall");
  }

  @ParameterizedTest
  @ValueSource(strings = {"gke", "local"})
  void everyContainerHasCpuAndMemoryRequestsAndLimitsRunsAsNonRootOnAReadOnlyRootFilesystem(
      String overlay) {
    List<String> faults = new ArrayList<>();
    for (Map.Entry<String, PodSpec> pod : podSpecs(overlay).entrySet()) {
      Boolean podNonRoot = pod.getValue().getSecurityContext() == null ? null
          : pod.getValue().getSecurityContext().getRunAsNonRoot();
      for (Container c : pod.getValue().getContainers()) {
        String at = pod.getKey() + "/" + c.getName();
        Map<String, Quantity> requests = c.getResources() == null ? Map.of() : c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources() == null ? Map.of() : c.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
          if (requests == null || !requests.containsKey(resource)) {
            faults.add(at + ": no " + resource + " request");
          }
          if (limits == null || !limits.containsKey(resource)) {
            faults.add(at + ": no " + resource + " limit");
          }
        }
        var security = c.getSecurityContext();
        if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
          faults.add(at + ": root filesystem not read-only");
        }
        if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
          faults.add(at + ": privilege escalation not ruled out");
        }
        if (!Boolean.TRUE.equals(podNonRoot)) {
          faults.add(at + ": may run as root");
        }
      }
    }
    assertThat(faults).isEmpty();
  }

  @Test
  void onAutopilotRequestsEqualLimitsAndEveryServingContainerIsProbedOnItsHealthEndpoint() {
    List<String> faults = new ArrayList<>();
    for (Map.Entry<String, PodSpec> pod : podSpecs("gke").entrySet()) {
      for (Container c : pod.getValue().getContainers()) {
        String at = pod.getKey() + "/" + c.getName();
        if (!c.getResources().getRequests().equals(c.getResources().getLimits())) {
          faults.add(at + ": requests differ from limits");
        }
        boolean serves = c.getPorts() != null && !c.getPorts().isEmpty();
        if (serves && (c.getReadinessProbe() == null || c.getLivenessProbe() == null)) {
          faults.add(at + ": serves without readiness and liveness probes");
        }
      }
    }
    assertThat(faults).isEmpty();
    Container app = podSpecs("gke").get("Deployment/cloud-fallback").getContainers().get(0);
    assertThat(app.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
    assertThat(app.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
  }

  @Test
  void gkeRendersTheCloudDatabaseAcrossZonesOnRegionalDisksWithADisruptionBudget() {
    List<JsonNode> objects = Manifests.render("gke");
    StatefulSet db = StrictModel.read(Manifests.find(objects, "StatefulSet", "cloud-db"), StatefulSet.class);

    assertThat(db.getSpec().getReplicas()).isEqualTo(2);
    assertThat(db.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution())
        .singleElement().extracting(term -> term.getTopologyKey())
        .isEqualTo("topology.kubernetes.io/zone");
    String storageClass = db.getSpec().getVolumeClaimTemplates().get(0).getSpec().getStorageClassName();
    assertThat(Manifests.find(objects, "StorageClass", storageClass).path("parameters")
        .path("replication-type").asString()).isEqualTo("regional-pd");
    assertThat(Manifests.find(objects, "PodDisruptionBudget", "cloud-db").path("spec")
        .path("selector").path("matchLabels").path("app").asString()).isEqualTo("cloud-db");
    assertThat(Manifests.find(objects, "Deployment", "cloud-fallback").path("spec")
        .path("replicas").asInt()).isZero();
  }

  @Test
  void theCloudDatabaseTrustsNoConnectionAndTakesOnlyTlsOverTheNetwork() {
    List<JsonNode> objects = Manifests.render("gke");
    JsonNode patroni = new tools.jackson.dataformat.yaml.YAMLMapper().readTree(Manifests.find(objects,
        "ConfigMap", "cloud-db-patroni").path("data").path("patroni.yml").asString());
    List<String> hba = patroni.path("postgresql").path("pg_hba").valueStream().map(JsonNode::asString).toList();

    assertThat(hba).noneMatch(line -> line.contains("trust"))
        .allMatch(line -> line.startsWith("local ") || line.startsWith("hostssl ") || line.endsWith(" reject"))
        .contains("hostnossl all all 0.0.0.0/0 reject");
    assertThat(patroni.at("/postgresql/parameters/ssl").asString()).isEqualTo("on");
    StatefulSet db = StrictModel.read(Manifests.find(objects, "StatefulSet", "cloud-db"), StatefulSet.class);
    Container container = db.getSpec().getTemplate().getSpec().getContainers().get(0);
    String mount = container.getVolumeMounts().stream().filter(m -> m.getName().equals("tls")).findFirst()
        .orElseThrow().getMountPath();
    for (String file : List.of("/restapi/certfile", "/restapi/keyfile", "/postgresql/parameters/ssl_cert_file",
        "/postgresql/parameters/ssl_key_file")) {
      assertThat(patroni.at(file).asString()).as(file).startsWith(mount + "/");
    }
    assertThat(db.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getName().equals("tls"))
        .singleElement().satisfies(v -> assertThat(v.getSecret().getDefaultMode()).isEqualTo(0440));
    // the REST API answers only TLS, so the kubelet's probes must speak it
    assertThat(container.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
    assertThat(container.getLivenessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
    // replication and pg_rewind check their upstream's certificate against the CA
    Map<String, String> env = new java.util.HashMap<>();
    container.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
    for (String role : List.of("REPLICATION", "REWIND")) {
      assertThat(env.get("PATRONI_" + role + "_SSLMODE")).as(role).isIn("verify-ca", "verify-full");
      assertThat(env.get("PATRONI_" + role + "_SSLROOTCERT")).as(role).isEqualTo(mount + "/ca.crt");
    }
  }

  @Test
  void cloudFallbackChecksEachDatabaseItReachesAgainstTheClusterCaAndHoldsNoKeyOfTheDatabase() {
    Deployment app = StrictModel.read(Manifests.find(Manifests.render("gke"), "Deployment",
        "cloud-fallback"), Deployment.class);
    PodSpec pod = app.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);
    Map<String, String> env = new java.util.HashMap<>();
    container.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
    String mount = container.getVolumeMounts().stream().filter(m -> m.getName().equals("cluster-ca"))
        .findFirst().orElseThrow().getMountPath();

    assertThat(env.get("SPRING_DATASOURCE_URL")).contains("sslmode=verify-full")
        .contains("sslrootcert=" + mount + "/ca.crt");
    assertThat(env.get("CLOUD_REPLICATION_EDGE_JDBC_URL")).containsPattern("sslmode=verify-(ca|full)")
        .contains("sslrootcert=" + mount + "/ca.crt");
    assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("cluster-ca")).singleElement()
        .satisfies(v -> {
          assertThat(v.getSecret().getSecretName()).isEqualTo("cloud-db-tls");
          assertThat(v.getSecret().getItems()).singleElement()
              .satisfies(item -> assertThat(item.getKey()).isEqualTo("ca.crt"));
        });
  }

  private static Map<String, PodSpec> podSpecs(String overlay) {
    Map<String, PodSpec> specs = new java.util.TreeMap<>();
    for (JsonNode object : Manifests.render(overlay)) {
      String kind = object.path("kind").asString();
      String name = kind + "/" + object.path("metadata").path("name").asString();
      if (kind.equals("Deployment")) {
        specs.put(name, StrictModel.read(object, Deployment.class).getSpec().getTemplate().getSpec());
      } else if (kind.equals("StatefulSet")) {
        specs.put(name, StrictModel.read(object, StatefulSet.class).getSpec().getTemplate().getSpec());
      }
    }
    assertThat(specs).as("workloads in " + overlay).isNotEmpty();
    return specs;
  }
}

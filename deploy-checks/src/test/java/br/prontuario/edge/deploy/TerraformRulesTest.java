package br.prontuario.edge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** terraform/: formatted, and the rules an emergency site with patient data must keep. */
class TerraformRulesTest {

  private static final Path DIR = Manifests.repoRoot().resolve("terraform");
  private static final String REGION = "southamerica-east1";
  private static JsonNode files;

  @BeforeAll
  static void parse() {
    files = Hcl.parse(DIR);
  }

  @Test
  void terraformFmtFindsNothingToChange() {
    assertThat(Commands.run(DIR, 60, "terraform", "fmt", "-check", "-recursive", "-no-color")).isEmpty();
  }

  @Test
  void everythingRegionalIsInSaoPauloAndTheRegionCannotBeChanged() {
    JsonNode region = block("variable", "region");
    assertThat(region.path("default").asString()).isEqualTo(REGION);
    assertThat(region.path("validation").get(0).path("condition").asString())
        .isEqualTo("${var.region == \"" + REGION + "\"}");
    assertThat(block("provider", "google").path("region").asString()).isEqualTo("${var.region}");

    List<String> placed = new ArrayList<>();
    for (Map.Entry<String, JsonNode> resource : resources()) {
      collectPlacement(resource.getKey(), resource.getValue(), placed);
    }
    assertThat(placed).isNotEmpty().allMatch(p -> p.endsWith("=${var.region}") || p.endsWith("=" + REGION));
  }

  @Test
  void theClusterHasPrivateNodesWorkloadIdentityAndDeletionProtection() {
    JsonNode cluster = resource("google_container_cluster", "emergency");

    assertThat(cluster.path("private_cluster_config").get(0).path("enable_private_nodes").asBoolean()).isTrue();
    assertThat(cluster.path("deletion_protection").asBoolean()).isTrue();
    assertThat(cluster.path("workload_identity_config").get(0).path("workload_pool").asString())
        .isEqualTo("${var.project_id}.svc.id.goog");
    assertThat(resource("google_sql_database_instance", "standby").path("deletion_protection").asBoolean()).isTrue();
  }

  @Test
  void noDatabaseAndNoNodeGetsAPublicAddress() {
    JsonNode sql = resource("google_sql_database_instance", "standby");
    assertThat(sql.path("settings").get(0).path("ip_configuration").get(0).path("ipv4_enabled").asBoolean(true))
        .isFalse();
    assertThat(resources()).noneMatch(r -> r.getKey().startsWith("google_compute_address/")
        || r.getKey().startsWith("google_compute_instance/") || r.getValue().toString().contains("access_config"));
  }

  @Test
  void cloudNatIsOffUnlessAskedFor() {
    assertThat(block("variable", "enable_cloud_nat").path("default").asBoolean(true)).isFalse();
    assertThat(resource("google_compute_router_nat", "nat").path("count").asString())
        .isEqualTo("${var.enable_cloud_nat ? 1 : 0}");
  }

  @Test
  void theHospitalLinkIsAnHaVpnWithTwoTunnels() {
    assertThat(resource("google_compute_vpn_tunnel", "hospital").path("count").asInt()).isEqualTo(2);
    assertThat(resource("google_compute_vpn_tunnel", "hospital").path("vpn_gateway").asString())
        .isEqualTo("${google_compute_ha_vpn_gateway.hospital.id}");
    assertThat(resource("google_compute_external_vpn_gateway", "hospital").path("redundancy_type").asString())
        .isEqualTo("TWO_IPS_REDUNDANCY");
  }

  @Test
  void theControllersAccountMayOnlyFetchTheClusterEndpoint() {
    List<JsonNode> grants = resources().stream().filter(r -> r.getKey().startsWith("google_project_iam_member/"))
        .map(Map.Entry::getValue)
        .filter(g -> g.path("member").asString().contains("google_service_account.failover_controller"))
        .toList();
    assertThat(grants).singleElement().extracting(g -> g.path("role").asString())
        .isEqualTo("${google_project_iam_custom_role.cluster_connect.id}");
    assertThat(resource("google_project_iam_custom_role", "cluster_connect").path("permissions"))
        .extracting(JsonNode::asString).containsExactly("container.clusters.get");
  }

  @Test
  void secretsAreReplicatedInTheRegionOnly() {
    JsonNode replication = resource("google_secret_manager_secret", "site").path("replication").get(0);
    assertThat(replication.has("auto")).isFalse();
    assertThat(replication.path("user_managed").get(0).path("replicas")).extracting(r -> r.path("location").asString())
        .containsExactly("${var.region}");
  }

  @Test
  void cloudMonitoringAlertsOnGcpFallbackActivatedWithThePrometheusRulesMetric() {
    JsonNode alert = resource("google_monitoring_alert_policy", "gcp_fallback_activated");
    JsonNode promql = alert.path("conditions").get(0).path("condition_prometheus_query_language").get(0);
    String ruleExpr = Manifests.repoRootYaml("k8s/monitoring/prometheus-rules.yaml").path("spec").path("groups")
        .get(0).path("rules").findValues("expr").stream().map(JsonNode::asString)
        .filter(e -> e.contains("gcp_fallback_active")).findFirst().orElseThrow();

    assertThat(alert.path("display_name").asString()).isEqualTo("GCPFallbackActivated");
    assertThat(promql.path("query").asString()).contains("gcp_fallback_active").endsWith("== 1");
    assertThat(ruleExpr).isEqualTo("gcp_fallback_active == 1");
    assertThat(promql.path("duration").asString()).isEqualTo("0s");
  }

  private static List<Map.Entry<String, JsonNode>> resources() {
    List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
    for (JsonNode file : files) {
      for (Map.Entry<String, JsonNode> type : file.path("resource").properties()) {
        for (Map.Entry<String, JsonNode> named : type.getValue().properties()) {
          all.add(Map.entry(type.getKey() + "/" + named.getKey(), named.getValue().get(0)));
        }
      }
    }
    return all;
  }

  private static JsonNode resource(String type, String name) {
    return resources().stream().filter(r -> r.getKey().equals(type + "/" + name)).map(Map.Entry::getValue)
        .findFirst().orElseThrow(() -> new AssertionError("no resource " + type + "." + name));
  }

  private static JsonNode block(String kind, String name) {
    for (JsonNode file : files) {
      JsonNode found = file.path(kind).path(name);
      if (!found.isMissingNode()) {
        return found.get(0);
      }
    }
    throw new AssertionError("no " + kind + " " + name);
  }

  /** Every "region" and "location" attribute, at any depth, as "resource.path=value". */
  private static void collectPlacement(String at, JsonNode node, List<String> out) {
    if (node.isArray()) {
      node.forEach(item -> collectPlacement(at, item, out));
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if ((field.getKey().equals("region") || field.getKey().equals("location")) && field.getValue().isString()) {
          out.add(at + "." + field.getKey() + "=" + field.getValue().asString());
        } else {
          collectPlacement(at + "." + field.getKey(), field.getValue(), out);
        }
      }
    }
  }
}

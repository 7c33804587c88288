package br.prontuario.edge.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

class OperationsIT extends EdgeNodeIT {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void liveAndReadyAreUpWhenThePrimaryIsReachableAndMigrated() {
    assertThat(api.get("/health/live", null).status()).isEqualTo(200);
    TestHttp.Reply ready = api.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void metricsArePrometheusTextWithRequestLatencyHistograms() {
    api.get("/api/v1/patients?name=an", token(Role.PHYSICIAN));
    TestHttp.Reply metrics = api.get("/metrics", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("http_server_requests_seconds_bucket")
        .contains("hikaricp_connections").contains("jvm_memory_used_bytes");
  }

  @Test
  void everyApiEndpointIsInTheOpenApiDocument() {
    JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
    Set<String> documented = new TreeSet<>();
    paths.properties().forEach(e -> e.getValue().properties()
        .forEach(m -> documented.add(m.getKey().toUpperCase() + " " + e.getKey())));
    Set<String> served = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (path.startsWith("/api/")) {
          info.getMethodsCondition().getMethods()
              .forEach(m -> served.add(m.name() + " " + path.replaceAll("\\{(\\w+):[^}]*}", "{$1}")));
        }
      }
    }
    assertThat(served).isNotEmpty();
    assertThat(documented).containsAll(served);
  }

  @Test
  void itOpsSeesTheNodeStatusButNoPatientData() {
    TestHttp.Reply status = api.get("/api/v1/ops/status", token(Role.IT_OPS));
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().get("node").asText()).isEqualTo("node-test");
    assertThat(status.json().get("database").get("primary").asBoolean()).isTrue();
    assertThat(api.get("/api/v1/patients?name=an", token(Role.IT_OPS)).status()).isEqualTo(403);
  }

  @Test
  void theCorrelationIdIsEchoedAndQuotedInProblems() {
    TestHttp.Reply reply = api.send(api.request("/api/v1/patients/not-a-uuid", token(Role.PHYSICIAN))
        .header("X-Correlation-Id", "trace-abc-123").GET().build());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("X-Correlation-Id")).isEqualTo("trace-abc-123");
    assertThat(reply.json().get("correlationId").asText()).isEqualTo("trace-abc-123");
  }
}

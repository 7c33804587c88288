package br.prontuario.edge.deploy;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** The requests the mock API server received, as RBAC sees them (verb, group, resource, name). */
final class ApiCalls {

  record Call(String verb, String group, String resource, String name) {}

  private static final Map<String, String> VERBS = Map.of("GET", "get", "PATCH", "patch",
      "PUT", "update", "POST", "create", "DELETE", "delete");

  private final KubernetesMockServer server;

  ApiCalls(KubernetesMockServer server) {
    this.server = server;
  }

  /** The calls since the last drain. */
  List<Call> drain() throws InterruptedException {
    List<Call> calls = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(200, TimeUnit.MILLISECONDS)) != null) {
      // API discovery (/api, /apis/GROUP/VERSION) is open to every authenticated user
      // (ClusterRole system:discovery); RBAC on objects is what the Role decides
      if (request.getPath().contains("/namespaces/")) {
        calls.add(call(request.getMethod(), request.getPath()));
      }
    }
    return calls;
  }

  /** /api/v1/namespaces/NS/RESOURCE/NAME or /apis/GROUP/VERSION/namespaces/NS/RESOURCE/NAME[/SUB]. */
  static Call call(String method, String path) {
    String[] p = path.split("\\?")[0].split("/");
    boolean core = p[1].equals("api");
    int ns = core ? 3 : 4;
    String group = core ? "" : p[2];
    String resource = p[ns + 2] + (p.length > ns + 4 ? "/" + p[ns + 4] : "");
    String name = p.length > ns + 3 ? p[ns + 3] : "";
    return new Call(VERBS.getOrDefault(method, method), group, resource, name);
  }

  static boolean allows(JsonNode role, Call call) {
    for (JsonNode rule : role.path("rules")) {
      if (has(rule.path("apiGroups"), call.group()) && has(rule.path("resources"), call.resource())
          && has(rule.path("verbs"), call.verb())
          && (rule.path("resourceNames").isEmpty() || has(rule.path("resourceNames"), call.name()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(JsonNode list, String value) {
    for (JsonNode item : list) {
      if (item.asString().equals(value)) {
        return true;
      }
    }
    return false;
  }
}

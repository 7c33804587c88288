package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.loop.ControlLoop;
import br.prontuario.edge.controller.probe.ClusterTopology;
import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console logs in with the clinical API's own users: its login and refresh are passed, as they
 * are, to an edge-node's {@code /api/v1/auth/login|refresh} (the active node first), so passwords,
 * lockout, audit and tokens stay edge-node's. The token that comes back is then checked like any
 * other by the API's interceptor: a nurse's is refused with 403 on the first console call.
 */
@RestController
class ConsoleLogin {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final ClusterTopology topology;
  private final ControlLoop loop;
  private final PlainHttp http = new PlainHttp(PATIENCE);

  ConsoleLogin(ClusterTopology topology, ControlLoop loop) {
    this.topology = topology;
    this.loop = loop;
  }

  @PostMapping(path = "/console/auth/{step:login|refresh}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> forward(@PathVariable String step, @RequestBody String body) {
    for (String appUrl : nodesActiveFirst()) {
      HttpReply reply = http.send("POST", appUrl.replaceAll("/+$", "") + "/api/v1/auth/" + step, body, Map.of(),
          PATIENCE);
      // a node that does not answer, or answers 5xx, is not the one to ask: the other may be
      if (reply instanceof HttpReply.Answered a && a.status() < 500) {
        MediaType type = a.ok() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
        return ResponseEntity.status(a.status()).contentType(type).body(a.body());
      }
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "no edge-node answered the login; with both nodes down the console still shows the site to a"
            + " session opened before");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(problem));
  }

  private List<String> nodesActiveFirst() {
    String active = loop.engine().activeNode();
    List<String> urls = new ArrayList<>();
    topology.nodes().stream().filter(n -> n.name().equals(active)).forEach(n -> urls.add(n.appUrl()));
    topology.nodes().stream().filter(n -> !n.name().equals(active)).forEach(n -> urls.add(n.appUrl()));
    return urls;
  }
}

package br.prontuario.edge.controller.routing;

import br.prontuario.edge.site.haproxy.HaproxyRuntimeApi;
import br.prontuario.edge.site.haproxy.ServerState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes through HAProxy's runtime API: the active node's server {@code ready}, every other node's
 * {@code drain} (finishes what it has, takes nothing new), the cloud backup slot {@code maint}
 * until both nodes are down. Built on the site's {@link HaproxyRuntimeApi}.
 */
public final class HaproxyRouter implements Router {

  private final HaproxyRuntimeApi api;
  private final String backend;
  private final String cloudServer;
  private final List<String> nodes;

  public HaproxyRouter(RoutingProperties.Haproxy settings, List<String> nodes) {
    this.api = new HaproxyRuntimeApi(settings.host(), settings.runtimeApiPort(), settings.timeout());
    this.backend = settings.backend();
    this.cloudServer = settings.cloudServer();
    this.nodes = List.copyOf(nodes);
  }

  @Override
  public RouteOutcome routeTo(String node) {
    if (!nodes.contains(node)) {
      return RouteOutcome.failed("unknown node " + node);
    }
    List<String> done = new ArrayList<>();
    try {
      // ready first, then drain: there is never a moment with no server taking requests
      done.add(setState(node, "ready"));
      for (String other : nodes) {
        if (!other.equals(node)) {
          done.add(setState(other, "drain"));
        }
      }
      return RouteOutcome.done(String.join("; ", done));
    } catch (IOException | IllegalStateException e) {
      return RouteOutcome.failed("haproxy runtime API: " + e.getMessage() + (done.isEmpty() ? "" : " after " + done));
    }
  }

  /**
   * Opening the cloud also puts every node in maintenance: a node that comes back must not take
   * clinicians before the cloud's writes are merged (failback routes to it explicitly, after).
   */
  @Override
  public RouteOutcome routeToCloud(boolean active) {
    List<String> done = new ArrayList<>();
    try {
      done.add(setState(cloudServer, active ? "ready" : "maint"));
      if (active) {
        for (String node : nodes) {
          done.add(setState(node, "maint"));
        }
      }
      return RouteOutcome.done(String.join("; ", done));
    } catch (IOException | IllegalStateException e) {
      return RouteOutcome.failed("haproxy runtime API: " + e.getMessage() + (done.isEmpty() ? "" : " after " + done));
    }
  }

  @Override
  public boolean cloudRouted() {
    try {
      ServerState state = api.serversState(backend).get(cloudServer);
      return state != null && !state.inMaintenance();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Optional<String> activeNode() {
    try {
      Map<String, ServerState> states = api.serversState(backend);
      List<String> ready = nodes.stream()
          .filter(n -> states.containsKey(n) && states.get(n).ready()).toList();
      return ready.size() == 1 ? Optional.of(ready.get(0)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private String setState(String server, String state) throws IOException {
    api.setState(backend, server, state);
    return server + " " + state;
  }
}

package br.prontuario.edge.controller.routing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes through HAProxy's runtime API: the active node's server {@code ready}, every other node's
 * {@code drain} (finishes what it has, takes nothing new), the cloud backup slot {@code maint}
 * until both nodes are down.
 */
public final class HaproxyRouter implements Router {

  /** srv_admin_state 0: neither maintenance nor drain. */
  private static final String READY = "0";
  /** srv_admin_state bit: forced maintenance. */
  private static final int MAINTENANCE = 0x01;

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
      String state = adminStates().get(cloudServer);
      return state != null && (Integer.parseInt(state) & MAINTENANCE) == 0;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  @Override
  public Optional<String> activeNode() {
    try {
      Map<String, String> states = adminStates();
      List<String> ready = nodes.stream().filter(n -> READY.equals(states.get(n))).toList();
      return ready.size() == 1 ? Optional.of(ready.get(0)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Each server of the backend and its srv_admin_state, from {@code show servers state}. */
  private Map<String, String> adminStates() throws IOException {
    Map<String, String> states = new HashMap<>();
    for (String line : api.execute("show servers state " + backend).split("\n")) {
      String[] f = line.trim().split("\\s+");
      // be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state ...
      if (f.length > 6 && f[1].equals(backend)) {
        states.put(f[3], f[6]);
      }
    }
    return states;
  }

  private String setState(String server, String state) throws IOException {
    String answer = api.execute("set server " + backend + "/" + server + " state " + state);
    if (!answer.isEmpty()) {
      throw new IllegalStateException("set " + server + " " + state + ": " + answer);
    }
    return server + " " + state;
  }
}

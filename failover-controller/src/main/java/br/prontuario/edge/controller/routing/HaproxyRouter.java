package br.prontuario.edge.controller.routing;

import br.prontuario.edge.site.haproxy.HaproxyRuntimeApi;
import br.prontuario.edge.site.haproxy.ServerState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Routes through the runtime API of every entry HAProxy (one per box): the active node's server
 * {@code ready}, every other node's {@code drain} (finishes what it has, takes nothing new), the
 * cloud backup slot {@code maint} until both nodes are down. Built on the site's
 * {@link HaproxyRuntimeApi}.
 *
 * <p>The HAProxies are driven in parallel and independently: one that does not answer (its box is
 * down or frozen) neither blocks nor fails routing through the others. It is resynchronised when it
 * answers again: it then starts from its configuration (both nodes ready), so {@link #activeNode}
 * sees the HAProxies disagree and the controller's reconcile round routes all of them again.
 */
public final class HaproxyRouter implements Router {

  private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "haproxy-runtime-api");
    t.setDaemon(true);
    return t;
  });

  private final List<HaproxyRuntimeApi> apis;
  private final String backend;
  private final String cloudServer;
  private final List<String> nodes;

  public HaproxyRouter(RoutingProperties.Haproxy settings, List<String> nodes) {
    this.apis = settings.addresses().stream().map(a -> {
      int colon = a.lastIndexOf(':');
      return new HaproxyRuntimeApi(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1)),
          settings.timeout());
    }).toList();
    this.backend = settings.backend();
    this.cloudServer = settings.cloudServer();
    this.nodes = List.copyOf(nodes);
  }

  @Override
  public RouteOutcome routeTo(String node) {
    if (!nodes.contains(node)) {
      return RouteOutcome.failed("unknown node " + node);
    }
    // ready first, then drain: there is never a moment with no server taking requests
    List<Step> steps = new ArrayList<>(List.of(new Step(node, "ready")));
    nodes.stream().filter(other -> !other.equals(node)).forEach(other -> steps.add(new Step(other, "drain")));
    return onEvery(steps);
  }

  /**
   * Opening the cloud also puts every node in maintenance: a node that comes back must not take
   * clinicians before the cloud's writes are merged (failback routes to it explicitly, after).
   */
  @Override
  public RouteOutcome routeToCloud(boolean active) {
    List<Step> steps = new ArrayList<>(List.of(new Step(cloudServer, active ? "ready" : "maint")));
    if (active) {
      nodes.forEach(node -> steps.add(new Step(node, "maint")));
    }
    return onEvery(steps);
  }

  /** True when any HAProxy that answers may send clinicians to the cloud (a failback is owed). */
  @Override
  public boolean cloudRouted() {
    return states().stream().flatMap(Optional::stream).anyMatch(states -> {
      ServerState cloud = states.get(cloudServer);
      return cloud != null && !cloud.inMaintenance();
    });
  }

  /** The one node every HAProxy that answers sends to; empty when none answers or they disagree. */
  @Override
  public Optional<String> activeNode() {
    List<Optional<String>> perHaproxy = states().stream().flatMap(Optional::stream)
        .map(this::singleReadyNode).toList();
    if (perHaproxy.isEmpty() || perHaproxy.stream().distinct().count() != 1) {
      return Optional.empty();
    }
    return perHaproxy.get(0);
  }

  private Optional<String> singleReadyNode(Map<String, ServerState> states) {
    List<String> ready = nodes.stream()
        .filter(n -> states.containsKey(n) && states.get(n).ready()).toList();
    return ready.size() == 1 ? Optional.of(ready.get(0)) : Optional.empty();
  }

  /** Each HAProxy's servers, empty for one that does not answer. */
  private List<Optional<Map<String, ServerState>>> states() {
    return inParallel(api -> {
      try {
        return Optional.of(api.serversState(backend));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  /**
   * Applies the same steps ("server state") to every HAProxy. Done when at least one carried them
   * all out and none refused; the ones that did not answer are named in the detail.
   */
  private RouteOutcome onEvery(List<Step> steps) {
    List<Applied> applied = inParallel(api -> apply(api, steps));
    List<String> refused = applied.stream().filter(a -> a.refusal() != null)
        .map(a -> a.address() + ": " + a.refusal()).toList();
    List<String> silent = applied.stream().filter(a -> a.unreachable() != null)
        .map(a -> a.address() + " (" + a.unreachable() + ")").toList();
    String done = applied.stream().filter(Applied::complete).map(Applied::detail).findFirst().orElse("");
    if (!refused.isEmpty() || done.isEmpty()) {
      List<String> problems = new ArrayList<>(refused);
      problems.addAll(silent.stream().map(s -> s + " unreachable").toList());
      return RouteOutcome.failed("haproxy runtime API: " + String.join("; ", problems));
    }
    return RouteOutcome.done(silent.isEmpty() ? done
        : done + " (not answering, resynchronised when back: " + String.join(", ", silent) + ")");
  }

  private Applied apply(HaproxyRuntimeApi api, List<Step> steps) {
    List<String> done = new ArrayList<>();
    try {
      for (Step step : steps) {
        api.setState(backend, step.server(), step.state());
        done.add(step.server() + " " + step.state());
      }
      return new Applied(api.address(), String.join("; ", done), null, null);
    } catch (IOException e) {
      return new Applied(api.address(), String.join("; ", done), e.getMessage(), null);
    } catch (IllegalStateException e) {
      return new Applied(api.address(), String.join("; ", done), null,
          e.getMessage() + (done.isEmpty() ? "" : " after " + done));
    }
  }

  /** {@code set server BACKEND/server state state}. */
  private record Step(String server, String state) {}

  /** What one HAProxy did: {@code unreachable} or {@code refusal} say why it stopped, if it did. */
  private record Applied(String address, String detail, String unreachable, String refusal) {
    boolean complete() {
      return unreachable == null && refusal == null;
    }
  }

  private <T> List<T> inParallel(Function<HaproxyRuntimeApi, T> call) {
    if (apis.size() == 1) {
      return List.of(call.apply(apis.get(0)));
    }
    List<CompletableFuture<T>> calls = apis.stream()
        .map(api -> CompletableFuture.supplyAsync(() -> call.apply(api), CALLS)).toList();
    return calls.stream().map(CompletableFuture::join).toList();
  }
}

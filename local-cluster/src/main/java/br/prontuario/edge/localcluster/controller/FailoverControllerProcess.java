package br.prontuario.edge.localcluster.controller;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.site.http.PlainHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs a failover-controller replica on a box (one per box: {@code edgectl up} starts them on the
 * witness, node-a and node-b, so the loss of any box leaves a replica that can take the lease), as
 * an extra component of that node (so stop/kill/freeze/start handle it with the rest of the box).
 * The controller reads {@code DIR/cluster.json} for the nodes, Sentinels, every HAProxy's runtime
 * API, etcd and JWT secret, and elects its leader in the cluster's etcd; {@code DIR/cluster.json}
 * then lists every replica's URL.
 */
public final class FailoverControllerProcess {

  public static final String COMPONENT = "failover-controller";
  public static final String JAR = "failover-controller/target/failover-controller-0.1.0-SNAPSHOT.jar";
  private static final List<String> JAVA_OPTIONS =
      List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  private FailoverControllerProcess() {}

  /**
   * Launches replica {@code component} (COMPONENT for the first, e.g. COMPONENT + "-2" for more)
   * and waits until it is ready; returns its base URL.
   *
   * @param properties extra controller properties (e.g. a shorter probe interval for tests)
   */
  public static String launch(EdgeCluster cluster, Path repositoryRoot, String component, String identity,
      Map<String, String> properties, Duration startTimeout) {
    return launch(cluster, repositoryRoot, NodeName.WITNESS, component, identity, properties, startTimeout);
  }

  /** The replica that runs on {@code node} (with its box: killing the box kills it). */
  public static String launch(EdgeCluster cluster, Path repositoryRoot, NodeName node, String component,
      String identity, Map<String, String> properties, Duration startTimeout) {
    Path jar = repositoryRoot.resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + "; build it with ./mvnw -pl failover-controller -am package");
    }
    cluster.descriptor().write(cluster.stateDir());
    int port = FreePorts.next();
    Path dir = cluster.dir(node, component);
    String host = cluster.layout().host(node);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_OPTIONS);
    command.addAll(List.of("-jar", jar.toString(),
        "--server.port=" + port,
        "--server.address=" + host,
        "--edge.controller.cluster-file=" + cluster.stateDir().resolve("cluster.json"),
        "--edge.controller.election.mode=etcd",
        "--edge.controller.election.identity=" + identity,
        "--edge.controller.history.dir=" + dir));
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    String url = "http://" + host + ":" + port;
    ManagedProcess process = cluster.launchExtra(node, component, command, Map.of(), url);
    awaitReady(url, process, startTimeout);
    cluster.descriptor().write(cluster.stateDir());
    return url;
  }

  /** Whether a replica named {@code component} was ever launched on {@code node} (a later up restarts it). */
  public static boolean launched(EdgeCluster cluster, NodeName node, String component) {
    return cluster.hasExtra(node, component);
  }

  /**
   * Restarts every replica launched on the cluster's boxes, one at a time, each ready before the
   * next stops, so that one always holds or can take the lead: how they read a changed {@code
   * cluster.json} ({@code edgectl rotate-secrets}). Returns how many restarted.
   */
  public static int restartAll(EdgeCluster cluster, Duration startTimeout, Consumer<String> progress) {
    int restarted = 0;
    for (NodeName node : NodeName.values()) {
      for (String component : cluster.extras(node)) {
        if (component.startsWith(COMPONENT)) {
          progress.accept("restarting " + node.id() + "'s " + component);
          ManagedProcess process = cluster.restartExtra(node, component);
          awaitReady(cluster.extraUrl(node, component), process, startTimeout);
          restarted++;
        }
      }
    }
    return restarted;
  }

  private static void awaitReady(String url, ManagedProcess process, Duration timeout) {
    PlainHttp http = new PlainHttp(Duration.ofSeconds(2));
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("failover-controller exited; log " + process.log() + ":\n" + process.tail());
      }
      if (http.get(url + "/health/ready").is(200)) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException("failover-controller not ready at " + url + " within " + timeout
        + "; log " + process.log() + ":\n" + process.tail());
  }
}

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

/**
 * Runs a failover-controller replica on the witness, next to HAProxy, as an extra component of the
 * cluster (so stop/kill/start handle it). The controller reads {@code DIR/cluster.json} for the
 * nodes, Sentinels, HAProxy runtime API, etcd and JWT secret, and elects its leader in the
 * cluster's etcd; {@code DIR/cluster.json} then names the first replica's URL.
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
    Path jar = repositoryRoot.resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + "; build it with ./mvnw -pl failover-controller -am package");
    }
    cluster.descriptor().write(cluster.stateDir());
    int port = FreePorts.next();
    Path dir = cluster.dir(NodeName.WITNESS, component);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JAVA_OPTIONS);
    command.addAll(List.of("-jar", jar.toString(),
        "--server.port=" + port,
        "--edge.controller.cluster-file=" + cluster.stateDir().resolve("cluster.json"),
        "--edge.controller.election.mode=etcd",
        "--edge.controller.election.identity=" + identity,
        "--edge.controller.history.dir=" + dir));
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    String url = "http://127.0.0.1:" + port;
    ManagedProcess process = cluster.launchExtra(NodeName.WITNESS, component, command, Map.of(), url);
    awaitReady(url, process, startTimeout);
    cluster.descriptor().write(cluster.stateDir());
    return url;
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

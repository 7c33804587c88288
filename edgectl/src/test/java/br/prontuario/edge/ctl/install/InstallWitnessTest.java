package br.prontuario.edge.ctl.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

class InstallWitnessTest {

  private static final Path UNITS = Path.of("etc/systemd/system");
  private static final List<String> SERVICES = List.of("etcd", "sentinel", "kafka", "haproxy",
      "keepalived", "failover-controller", "replication-gateway");

  @TempDir Path root;

  @Test
  void writesAHardenedSystemdUnitPerServiceThatTheWitnessRuns() throws Exception {
    InstallRun run = InstallRun.into(root, "witness");
    // Kafka's folder is formatted once, as the service account, before the units start
    assertThat(run.out()).contains("runuser -u prontuario -- /usr/bin/java -Xmx1g")
        .contains("kafka.tools.StorageTool format --cluster-id=<the id> --config=/etc/prontuario/kafka-server.properties")
        .contains("install -m 0644 kafka-broker/target/lib/*.jar /opt/prontuario/lib/kafka");
    assertThat(run.out().indexOf("StorageTool format")).isLessThan(run.out().indexOf("systemctl enable --now"));

    assertThat(unitNames()).containsExactlyInAnyOrder("prontuario-etcd.service", "prontuario-sentinel.service",
        "prontuario-kafka.service",
        "prontuario-haproxy.service", "prontuario-keepalived.service", "prontuario-failover-controller.service",
        "prontuario-replication-gateway.service", "prontuario-backup-full.service", "prontuario-backup-full.timer",
        "prontuario-backup-diff.service", "prontuario-backup-diff.timer");
    for (String service : SERVICES) {
      Map<String, List<String>> unit = unit("prontuario-" + service + ".service");
      assertThat(unit.get("Restart")).as(service).containsExactly("on-failure");
      assertThat(unit.get("RestartSec")).as(service).singleElement().asString().matches("\\d+s");
      assertThat(unit.get("NoNewPrivileges")).as(service).containsExactly("yes");
      assertThat(unit.get("ProtectSystem")).as(service).containsExactly("strict");
      assertThat(unit.get("PrivateTmp")).as(service).containsExactly("yes");
      assertThat(unit.get("StandardOutput")).as(service).containsExactly("journal");
      assertThat(unit.get("StandardError")).as(service).containsExactly("journal");
      assertThat(unit.get("ExecStart")).as(service).singleElement().asString().startsWith("/");
      assertThat(unit.get("User")).as(service).singleElement()
          .isEqualTo(service.equals("keepalived") ? "root" : "prontuario");
    }
    assertThat(unit("prontuario-etcd.service").get("ReadWritePaths")).containsExactly("/opt/prontuario/etcd");
    assertThat(unit("prontuario-sentinel.service").get("ReadWritePaths")).containsExactly("/opt/prontuario/sentinel");
    assertThat(unit("prontuario-kafka.service").get("ReadWritePaths")).containsExactly("/opt/prontuario/kafka");
    assertThat(unit("prontuario-kafka.service").get("ExecStart")).singleElement().asString()
        .startsWith("/usr/bin/java ").contains("-cp /opt/prontuario/lib/kafka/* kafka.Kafka")
        .endsWith("/etc/prontuario/kafka-server.properties");
    assertThat(unit("prontuario-failover-controller.service").get("ReadWritePaths"))
        .containsExactly("/opt/prontuario/controller");
    // 443 and 80 without root: the one capability, nothing else
    Map<String, List<String>> haproxy = unit("prontuario-haproxy.service");
    assertThat(haproxy.get("AmbientCapabilities")).containsExactly("CAP_NET_BIND_SERVICE");
    assertThat(haproxy.get("CapabilityBoundingSet")).containsExactly("CAP_NET_BIND_SERVICE");
    // 5432 needs no capability; its configuration is the rendered one, installed beside haproxy.cfg
    Map<String, List<String>> gateway = unit("prontuario-replication-gateway.service");
    assertThat(gateway.get("AmbientCapabilities")).isNull();
    assertThat(gateway.get("ExecStart")).singleElement().asString().endsWith("-Ws -f /etc/prontuario/replication-gateway.cfg");
    assertThat(root.resolve("etc/prontuario/replication-gateway.cfg")).content().contains("option httpchk GET /primary");
    assertThat(unit("prontuario-keepalived.service").get("CapabilityBoundingSet")).singleElement()
        .asString().doesNotContain("CAP_SYS_ADMIN");
    assertThat(root.resolve("etc/sysctl.d/60-prontuario.conf")).content().contains("net.ipv4.ip_nonlocal_bind = 1");
  }

  @Test
  void schedulesTheBackupsOfTheOperationsRunbookAsPostgres() throws Exception {
    InstallRun.into(root, "witness");

    // docs/operations.md: full every Sunday night, differential every other night, repo1 then repo2
    assertThat(unit("prontuario-backup-full.timer").get("OnCalendar")).containsExactly("Sun *-*-* 01:30:00");
    assertThat(unit("prontuario-backup-diff.timer").get("OnCalendar")).containsExactly("Mon..Sat *-*-* 01:30:00");
    for (String type : List.of("full", "diff")) {
      Map<String, List<String>> service = unit("prontuario-backup-" + type + ".service");
      assertThat(service.get("User")).containsExactly("postgres");
      assertThat(service.get("Type")).containsExactly("oneshot");
      assertThat(service.get("ExecStart")).containsExactly(
          "/usr/bin/pgbackrest --config=/etc/pgbackrest/pgbackrest.conf --stanza=edge --type=" + type + " --repo=1 backup",
          "/usr/bin/pgbackrest --config=/etc/pgbackrest/pgbackrest.conf --stanza=edge --type=" + type + " --repo=2 backup");
      assertThat(service.get("ReadWritePaths")).containsExactly("/var/lib/pgbackrest /var/log/pgbackrest /tmp");
      assertThat(unit("prontuario-backup-" + type + ".timer").get("Persistent")).containsExactly("true");
    }
    assertThat(root.resolve("etc/pgbackrest/pgbackrest.conf")).content().contains("repo1-path=/var/lib/pgbackrest");
  }

  @Test
  void everyUnitPassesSystemdAnalyzeVerify(TestReporter reporter) throws Exception {
    InstallRun.into(root, "witness");
    Optional<Path> analyze = InstallMacStudioTest.onPath("systemd-analyze");
    if (analyze.isEmpty()) {
      String why = "systemd-analyze not on PATH: verify skipped, the units were checked as text only";
      reporter.publishEntry("systemd-analyze", why);
      System.out.println(getClass().getSimpleName() + ": " + why);
      return;
    }
    stubExecutables();
    copyHostTargets();

    Verify verify = verify(analyze.get());
    assertThat(verify.code()).as(verify.output()).isZero();
    // unknown keys and bad values are only warnings (exit 0): any output is a failure
    assertThat(verify.output()).isEmpty();

    // and it does look: without etcd's executable the same run fails
    Files.delete(root.resolve("usr/bin/etcd"));
    Verify missing = verify(analyze.get());
    assertThat(missing.code()).isNotZero();
    assertThat(missing.output()).contains("/usr/bin/etcd");
  }

  @Test
  void leavesKeepalivedOutWithoutAFloatingAddress(@TempDir Path configDir) throws Exception {
    Path config = configDir.resolve("edge-cluster.yaml");
    Files.writeString(config, Files.readString(InstallRun.REPOSITORY_CONFIG)
        .replace("entryVirtualIp: 10.20.0.10/24", "entryVirtualIp: \"\""));

    InstallRun run = InstallRun.of("--role", "witness", "--config", config.toString(), "--root", root.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(unitNames()).doesNotContain("prontuario-keepalived.service").contains("prontuario-haproxy.service");
    assertThat(root.resolve("etc/sysctl.d/60-prontuario.conf")).doesNotExist();
    assertThat(run.out()).doesNotContain("keepalived");
  }

  private record Verify(int code, String output) {}

  /**
   * {@code systemd-analyze verify} loads the units offline (systemd is not PID 1 here), and it
   * checks that every ExecStart= executable exists: with {@code --root} it looks for them, and for
   * the targets the units name (sysinit.target, multi-user.target, ...), below that root instead of
   * on this machine. So the test puts stand-in executables where Debian installs the real ones, and
   * copies the host's target units into the root. {@code --man=no}: our units name no man pages;
   * {@code --generators=no}: generators would read this machine's fstab and friends.
   */
  private Verify verify(Path analyze) throws Exception {
    List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify", "--root=" + root,
        "--man=no", "--generators=no"));
    unitNames().forEach(name -> command.add("/" + UNITS.resolve(name)));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes()).strip();
    return new Verify(p.waitFor(), output);
  }

  private void stubExecutables() throws IOException {
    for (String name : unitNames()) {
      for (String exec : unit(name).getOrDefault("ExecStart", List.of())) {
        Path stub = root.resolve(exec.split(" ")[0].substring(1));
        Files.createDirectories(stub.getParent());
        Files.writeString(stub, "#!/bin/sh\nexit 0\n");
        stub.toFile().setExecutable(true);
      }
    }
  }

  private void copyHostTargets() throws IOException {
    Path into = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
    try (Stream<Path> units = Files.list(Path.of("/usr/lib/systemd/system"))) {
      for (Path target : units.filter(p -> p.toString().endsWith(".target") && Files.isRegularFile(p)
          && !Files.isSymbolicLink(p)).toList()) {
        Files.copy(target, into.resolve(target.getFileName()));
      }
    }
  }

  private List<String> unitNames() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve(UNITS))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** key → values, over all sections (the keys checked here appear in one section each). */
  private Map<String, List<String>> unit(String name) throws IOException {
    return Files.readAllLines(root.resolve(UNITS).resolve(name)).stream()
        .filter(l -> l.contains("=") && !l.startsWith("#"))
        .collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf('=')),
            Collectors.mapping(l -> l.substring(l.indexOf('=') + 1), Collectors.toList())));
  }
}

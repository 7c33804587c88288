package br.prontuario.edge.ctl.install;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.ctl.render.ProductionRenderer;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstallMacStudioTest {

  private static final String LOGS = "/usr/local/var/log/prontuario/";

  @TempDir Path root;
  @TempDir Path rendered;

  @ParameterizedTest
  @ValueSource(strings = {"node-a", "node-b"})
  void writesOneLaunchdDaemonPerServiceThatTheNodeRuns(String node, TestReporter reporter) throws Exception {
    InstallRun.into(root, node);

    List<Path> plists = plists();
    List<String> labels = new ArrayList<>();
    for (Path file : plists) {
      Map<String, Object> plist = PlistReader.read(file);
      String label = (String) plist.get("Label");
      labels.add(label);
      assertThat(file.getFileName()).hasToString(label + ".plist");
      assertThat(label).matches("br\\.prontuario\\.edge\\.[a-z-]+");

      @SuppressWarnings("unchecked")
      List<String> args = (List<String>) plist.get("ProgramArguments");
      assertThat(args).isNotEmpty();
      assertThat(args.get(0)).as(label + " executable").startsWith("/opt/homebrew/");
      args.forEach(arg -> assertAbsolute(label, arg));
      assertThat((String) plist.get("WorkingDirectory")).startsWith("/");
      assertThat(plist.get("UserName")).as(label + " user").isNotNull();
      assertThat(plist.get("RunAtLoad")).isEqualTo(true);
      assertThat(plist.get("KeepAlive")).isIn(true, Map.of("SuccessfulExit", false));
      assertThat((Long) plist.get("ThrottleInterval")).isPositive();
      assertThat((String) plist.get("StandardOutPath")).startsWith(LOGS).endsWith(".log");
      assertThat((String) plist.get("StandardErrorPath")).startsWith(LOGS);
      @SuppressWarnings("unchecked")
      Map<String, String> env = (Map<String, String>) plist.getOrDefault("EnvironmentVariables", Map.of());
      env.forEach((k, v) -> assertThat(k + "=" + v).as(label + " environment holds no secret")
          .doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("secret").doesNotContain("CHANGE-ME"));
      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }
    assertThat(labels).containsExactlyInAnyOrder("br.prontuario.edge.etcd", "br.prontuario.edge.patroni",
        "br.prontuario.edge.redis", "br.prontuario.edge.sentinel", "br.prontuario.edge.kafka",
        "br.prontuario.edge.edge-node",
        "br.prontuario.edge.haproxy", "br.prontuario.edge.failover-controller");

    plutilLint(plists, reporter);
  }

  @Test
  void patroniAndPostgresqlNeverRunAsRootAndOnlyHaproxyDoes() throws Exception {
    InstallRun.into(root, "node-a");

    for (Path file : plists()) {
      Map<String, Object> plist = PlistReader.read(file);
      String user = (String) plist.get("UserName");
      if (plist.get("ProgramArguments").toString().matches("(?s).*(patroni|postgres).*")) {
        assertThat(user).as(file.getFileName().toString()).isNotEqualTo("root").isNotBlank();
      }
      if (!plist.get("Label").equals("br.prontuario.edge.haproxy")) {
        assertThat(user).as(file.getFileName().toString()).isNotEqualTo("root");
      }
    }
    Map<String, Object> patroni = plist("patroni");
    assertThat(patroni.get("UserName")).isEqualTo("postgres");
    // a clean exit of Patroni is an intended stop (it stops PostgreSQL first): not restarted
    assertThat(patroni.get("KeepAlive")).isEqualTo(Map.of("SuccessfulExit", false));
    // archive_command calls "pgbackrest" by name: Homebrew's bin must be on launchd's PATH
    assertThat(((Map<?, ?>) patroni.get("EnvironmentVariables")).get("PATH").toString()).startsWith("/opt/homebrew/bin:");
    assertThat(plist("etcd").get("UserName")).isEqualTo("_prontuario");
  }

  @Test
  void installsExactlyWhatEdgectlRenderWritesForTheNode() throws Exception {
    InstallRun.into(root, "node-b");
    ProductionRenderer.render(ClusterConfigLoader.load(InstallRun.REPOSITORY_CONFIG), rendered);

    Map<String, String> placed = Map.of(
        "patroni.yml", "etc/prontuario/patroni/patroni.yml",
        "etcd.conf.yml", "etc/prontuario/etcd.conf.yml",
        "haproxy.cfg", "etc/prontuario/haproxy.cfg",
        "edge-node.properties", "etc/prontuario/edge-node.properties",
        "failover-controller.properties", "etc/prontuario/failover-controller.properties",
        "pgbackrest.conf", "etc/pgbackrest/pgbackrest.conf",
        "redis.conf", "opt/prontuario/redis/redis.conf",
        "sentinel.conf", "opt/prontuario/sentinel/sentinel.conf",
        "kafka-server.properties", "etc/prontuario/kafka-server.properties",
        "kafka-log4j2.properties", "etc/prontuario/kafka-log4j2.properties");
    placed.forEach((name, path) -> assertThat(root.resolve(path)).as(name)
        .hasSameTextualContentAs(rendered.resolve("node-b").resolve(name)));
    // passwords, once filled in: readable by their owner only
    for (String secret : List.of("etc/pgbackrest/pgbackrest.conf", "opt/prontuario/redis/redis.conf")) {
      assertThat(Files.getPosixFilePermissions(root.resolve(secret))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
    // Patroni reads the folder: the rendered file, then the operator's secrets.yml over it
    @SuppressWarnings("unchecked")
    List<String> args = (List<String>) plist("patroni").get("ProgramArguments");
    assertThat(args).containsExactly("/opt/homebrew/bin/patroni", "/etc/prontuario/patroni");
    assertThat(root.resolve("etc/prontuario/keepalived.conf")).doesNotExist();
    // the broker: Kafka's jars from the kafka-broker module on the rendered file, as the service account
    @SuppressWarnings("unchecked")
    List<String> kafka = (List<String>) plist("kafka").get("ProgramArguments");
    assertThat(kafka).startsWith("/opt/homebrew/opt/openjdk@17/bin/java")
        .contains("-cp", "/opt/prontuario/lib/kafka/*", "kafka.Kafka")
        .endsWith("kafka.Kafka", "/etc/prontuario/kafka-server.properties");
    assertThat(plist("kafka").get("UserName")).isEqualTo("_prontuario");
  }

  @Test
  void rotatesEveryLogAndListsTheHomebrewFormulas() throws Exception {
    InstallRun run = InstallRun.into(root, "node-a");

    String newsyslog = Files.readString(root.resolve("etc/newsyslog.d/prontuario.conf"));
    for (Path file : plists()) {
      Map<String, Object> plist = PlistReader.read(file);
      String user = (String) plist.get("UserName");
      assertThat(newsyslog).contains(plist.get("StandardOutPath") + "\t" + user + ":");
    }
    assertThat(newsyslog.lines().filter(l -> !l.startsWith("#")))
        .allSatisfy(line -> assertThat(line.split("\t")).hasSize(7).endsWith("N"));

    assertThat(Files.readString(root.resolve("etc/prontuario/Brewfile")))
        .contains("brew \"etcd\"", "brew \"patroni\"", "brew \"postgresql@16\"", "brew \"pgbackrest\"",
            "brew \"redis\"", "brew \"haproxy\"", "brew \"openjdk@17\"");
    assertThat(run.out()).contains("brew bundle --file=/etc/prontuario/Brewfile",
        "sudo launchctl bootstrap system /Library/LaunchDaemons/br.prontuario.edge.patroni.plist",
        "MISSING /etc/prontuario/patroni/secrets.yml (postgres)",
        // etcd's key and each client's, owned by the account that reads it
        "MISSING /opt/prontuario/tls/etcd/member.key (_prontuario)",
        "MISSING /opt/prontuario/tls/etcd/patroni.key (postgres)",
        "MISSING /opt/prontuario/tls/etcd/edge-node.key (_prontuario)");
  }

  @Test
  void keepsTheRedisAndSentinelFilesTheirServicesRewrote() throws Exception {
    InstallRun.into(root, "node-a");
    Path sentinel = root.resolve("opt/prontuario/sentinel/sentinel.conf");
    Files.writeString(sentinel, "# Generated by CONFIG REWRITE\nsentinel monitor edge 10.20.0.12 6379 2\n");

    InstallRun again = InstallRun.into(root, "node-a");

    assertThat(sentinel).content().contains("10.20.0.12 6379");
    assertThat(again.out()).contains("kept " + sentinel + ": Sentinel rewrites it");
  }

  @Test
  void takesHomebrewFromAnotherPrefixWhenTold() throws Exception {
    InstallRun.into(root, "node-a", "--homebrew-prefix", "/usr/local");

    @SuppressWarnings("unchecked")
    List<String> args = (List<String>) plist("etcd").get("ProgramArguments");
    assertThat(args.get(0)).isEqualTo("/usr/local/bin/etcd");
    assertThat(((List<?>) plist("edge-node").get("ProgramArguments")).get(0))
        .isEqualTo("/usr/local/opt/openjdk@17/bin/java");
  }

  /** An argument that names a file names it absolutely (launchd has no useful working folder to resolve against). */
  private static void assertAbsolute(String label, String arg) {
    String value = (arg.startsWith("--") || arg.startsWith("-D")) && arg.contains("=")
        ? arg.substring(arg.indexOf('=') + 1) : arg;
    value = value.startsWith("file:") ? value.substring("file:".length()) : value;
    if (value.contains("/")) {
      assertThat(value).as(label + " argument " + arg).startsWith("/");
    }
  }

  private void plutilLint(List<Path> plists, TestReporter reporter) throws Exception {
    Optional<Path> plutil = onPath("plutil");
    if (plutil.isEmpty()) {
      // macOS only; the XML checks above ran regardless
      String why = "plutil not on PATH: plutil -lint skipped, the plists were checked as XML only";
      reporter.publishEntry("plutil", why);
      System.out.println(getClass().getSimpleName() + ": " + why);
      return;
    }
    List<String> command = new ArrayList<>(List.of(plutil.get().toString(), "-lint"));
    plists.forEach(p -> command.add(p.toString()));
    Process lint = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(lint.getInputStream().readAllBytes());
    assertThat(lint.waitFor()).as("plutil -lint: " + output).isZero();
  }

  static Optional<Path> onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, program)).filter(Files::isExecutable).findFirst();
  }

  private Map<String, Object> plist(String service) throws Exception {
    return PlistReader.read(root.resolve("Library/LaunchDaemons/br.prontuario.edge." + service + ".plist"));
  }

  private List<Path> plists() throws Exception {
    try (Stream<Path> files = Files.list(root.resolve("Library/LaunchDaemons"))) {
      return files.sorted().toList();
    }
  }
}

package br.prontuario.edge.ctl.install;

import br.prontuario.edge.localcluster.backup.BackupPolicy;
import br.prontuario.edge.localcluster.backup.ProductionBackups;
import br.prontuario.edge.ctl.render.ProductionRenderer;
import br.prontuario.edge.localcluster.config.ClusterConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Linux witness: one systemd unit per service, the pgBackRest backup timers, and the commands
 * that enable them (as root).
 */
final class WitnessInstall {

  static final String SYSCTL_FILE = "/etc/sysctl.d/60-prontuario.conf";

  private WitnessInstall() {}

  static InstallPlan plan(Role role, ClusterConfig config, Host host) {
    boolean floating = !config.production().entryVirtualIp().isEmpty();
    List<Service> services = WitnessServices.of(host, floating);
    RenderedFiles rendered = RenderedFiles.of(config, role.node(), host);
    List<PlannedFile> files = new ArrayList<>(rendered.files());
    for (Service s : services) {
      files.add(PlannedFile.root(SystemdUnit.DIR + "/" + SystemdUnit.fileName(s.name(), "service"), SystemdUnit.render(s)));
    }
    BackupTimers.units(host, BackupPolicy.STANDARD)
        .forEach((name, unit) -> files.add(PlannedFile.root(SystemdUnit.DIR + "/" + name, unit)));
    if (floating) {
      // HAProxy binds the floating address too, before keepalived has put it on this host
      files.add(PlannedFile.root(SYSCTL_FILE, "# written by edgectl install: HAProxy binds the floating "
          + "entry address wherever keepalived holds it\nnet.ipv4.ip_nonlocal_bind = 1\n"));
    }

    List<SecretFile> secrets = List.of(
        OperatorSteps.springSecrets(host, SharedServices.CONTROLLER),
        OperatorSteps.tlsCertificate(config.production().tlsCertificate(), host.serviceAccount()),
        new SecretFile(ProductionBackups.GCS_KEY, host.databaseAccount(),
            "the GCS service account key of repo2 (JSON)"),
        new SecretFile(host.dirs().etcdMemberTls().key(), host.serviceAccount(),
            "etcd's private key (mode 0600); beside it member.crt, naming the witness's address, and "
                + host.dirs().etcdMemberTls().trustedCa() + ", the CA that signed every certificate"),
        new SecretFile(host.dirs().etcdClientTls(ProductionRenderer.ETCD_CONTROLLER).key(), host.serviceAccount(),
            "the failover controller's etcd client key; beside it failover-controller.crt"),
        OperatorSteps.kafkaBrokerKey(host));

    List<String> units = services.stream().map(s -> SystemdUnit.fileName(s.name(), "service")).toList();
    List<Step> steps = new ArrayList<>(List.of(
        packages(floating),
        Step.of("stop the packages' own units: the services below take their ports",
            "systemctl disable --now etcd.service redis-sentinel.service haproxy.service"
                + (floating ? " keepalived.service" : "")),
        Step.of("service accounts (postgres may exist already: pgBackRest's package brings it)",
            "id " + host.serviceAccount() + " >/dev/null 2>&1 || useradd --system --user-group --no-create-home"
                + " --home-dir " + host.dirs().base() + " --shell /usr/sbin/nologin " + host.serviceAccount(),
            "id " + host.databaseAccount() + " >/dev/null 2>&1 || useradd --system --user-group --create-home"
                + " --home-dir /var/lib/postgresql --shell /bin/bash " + host.databaseAccount()),
        folders(host),
        OperatorSteps.jars("", host, List.of(SharedServices.CONTROLLER)),
        OperatorSteps.ownership("", files),
        OperatorSteps.placeholders("", files),
        OperatorSteps.kafkaFormat("", host)));
    if (floating) {
      steps.add(Step.of("apply " + SYSCTL_FILE, "sysctl --system"));
    }
    steps.add(new Step("enable and start the services and the backup timers",
        List.of("systemctl daemon-reload", "systemctl enable --now " + String.join(" ", units),
            "systemctl enable --now " + String.join(" ", BackupTimers.timerNames()))));
    steps.add(Step.of("check: every unit active, both timers scheduled; logs in journald",
        "systemctl status '" + SystemdUnit.PREFIX + "*'",
        "systemctl list-timers '" + SystemdUnit.PREFIX + "*'",
        "journalctl -u " + SystemdUnit.fileName("etcd", "service") + " --since today"));
    return new InstallPlan(role, files, secrets, rendered.notes(), steps);
  }

  private static Step packages(boolean floating) {
    List<String> packages = new ArrayList<>(Stream.of(Program.ETCD, Program.REDIS_SENTINEL, Program.HAPROXY,
        Program.PGBACKREST, Program.JAVA).map(Program::debianPackage).toList());
    if (floating) {
      packages.add(Program.KEEPALIVED.debianPackage());
      // keepalived.conf checks HAProxy with /usr/bin/killall
      packages.add("psmisc");
    }
    return Step.of("Debian packages", "apt-get update", "apt-get install -y " + String.join(" ", packages));
  }

  private static Step folders(Host host) {
    var dirs = host.dirs();
    String svc = host.serviceAccount();
    String db = host.databaseAccount();
    return Step.of("data folders, owned by the account that writes them (the units may write nothing else)",
        "install -d -o " + svc + " -g " + svc + " -m 0700 " + dirs.etcd() + " " + dirs.sentinel() + " "
            + dirs.controller() + " " + dirs.kafka(),
        "install -d -o " + db + " -g " + db + " -m 0750 " + ProductionBackups.REPO1_PATH + " "
            + ProductionBackups.LOG_PATH,
        // etcd's and the controller's keys inside are 0600, owned by the service account
        "install -d -m 0755 " + Path.of(dirs.etcdMemberTls().key()).getParent() + " "
            + Path.of(dirs.kafkaPem("broker")).getParent());
  }
}

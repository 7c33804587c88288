package br.prontuario.edge.ctl.install;

import br.prontuario.edge.localcluster.backup.ProductionBackups;
import br.prontuario.edge.ctl.render.ProductionRenderer;
import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Mac Studio (node-a or node-b): one launchd daemon per service, their log rotation, the
 * Homebrew dependencies, and the commands that load them.
 */
final class MacInstall {

  private static final String SUDO = "sudo ";
  // hidden service accounts (below 500); check they are free: dscl . -list /Users UniqueID
  private static final int SERVICE_ID = 410;
  private static final int DATABASE_ID = 411;

  private MacInstall() {}

  static InstallPlan plan(Role role, ClusterConfig config, Host host) {
    List<Service> services = MacServices.of(host);
    RenderedFiles rendered = RenderedFiles.of(config, role.node(), host);
    List<PlannedFile> files = new ArrayList<>(rendered.files());
    for (Service s : services) {
      files.add(PlannedFile.root(LaunchdPlist.DIR + "/" + LaunchdPlist.fileName(s), LaunchdPlist.render(host, s)));
    }
    files.add(PlannedFile.root(Newsyslog.FILE, Newsyslog.render(host, services)));
    files.add(PlannedFile.root(Brewfile.FILE, Brewfile.render(host, config.production().postgresBinDir())));

    List<SecretFile> secrets = List.of(
        new SecretFile(host.config("patroni/secrets.yml"), host.databaseAccount(),
            "restapi.authentication.password and postgresql.authentication.{superuser,replication,rewind}.password"),
        OperatorSteps.springSecrets(host, SharedServices.EDGE_NODE),
        OperatorSteps.springSecrets(host, SharedServices.CONTROLLER),
        OperatorSteps.tlsCertificate(config.production().tlsCertificate(), Host.ROOT),
        new SecretFile(host.dirs().postgresTls().key(), host.databaseAccount(),
            "PostgreSQL's private key (mode 0600); beside it postgres.crt, naming this Mac's address,"
                + " and ca.crt, the CA that signed both nodes' certificates"),
        new SecretFile(host.dirs().etcdMemberTls().key(), host.serviceAccount(),
            "etcd's private key (mode 0600); beside it member.crt, naming this Mac's address, for server"
                + " and client use (etcd dials its peers with it)"),
        new SecretFile(host.dirs().etcdClientTls(ClusterCertificates.ETCD_PATRONI).key(), host.databaseAccount(),
            "Patroni's etcd client key; beside it patroni.crt (CN=patroni, clientAuth)"),
        new SecretFile(host.dirs().etcdClientTls(ClusterCertificates.ETCD_EDGE_NODE).key(), host.serviceAccount(),
            "edge-node's etcd client key; beside it edge-node.crt (CN=edge-node, clientAuth)"),
        new SecretFile(host.dirs().etcdClientTls(ProductionRenderer.ETCD_CONTROLLER).key(), host.serviceAccount(),
            "the failover controller's etcd client key; beside it failover-controller.crt"),
        OperatorSteps.kafkaBrokerKey(host),
        new SecretFile(host.dirs().kafkaPem(ClusterCertificates.KAFKA_EDGE_NODE), host.serviceAccount(),
            "edge-node's Kafka client certificate (clientAuth) and key in one PEM, mode 0600"));

    List<Step> steps = List.of(
        Step.of("Homebrew packages (as the administrator who owns Homebrew, not with sudo)",
            "brew bundle --file=" + Brewfile.FILE),
        accounts(host),
        folders(host, services),
        OperatorSteps.jars(SUDO, host, List.of(SharedServices.EDGE_NODE, SharedServices.CONTROLLER)),
        OperatorSteps.ownership(SUDO, files),
        OperatorSteps.placeholders(SUDO, files),
        OperatorSteps.kafkaFormat(SUDO, host),
        new Step("load and start the daemons, in this order (launchd starts them again at every boot)",
            services.stream().map(s -> SUDO + "launchctl bootstrap system " + LaunchdPlist.DIR + "/"
                + LaunchdPlist.fileName(s)).toList()),
        new Step("check: each shows \"state = running\"; logs in " + host.logDir(),
            services.stream().map(s -> SUDO + "launchctl print system/" + LaunchdPlist.label(s)
                + " | grep -E 'state|pid|last exit'").toList()));
    return new InstallPlan(role, files, secrets, rendered.notes(), steps);
  }

  private static Step accounts(Host host) {
    List<String> commands = new ArrayList<>();
    commands.addAll(account(host.serviceAccount(), SERVICE_ID, "/usr/bin/false", "/var/empty"));
    // a login shell and a home: the witness runs pgBackRest here over SSH as this user
    commands.addAll(account(host.databaseAccount(), DATABASE_ID, "/bin/zsh", host.dirs().base() + "/home/postgres"));
    commands.add(SUDO + "install -d -o " + host.databaseAccount() + " -m 0700 " + host.dirs().base() + "/home/postgres");
    return new Step("service accounts, hidden, each with its own group (skip one that `id NAME` already knows)", commands);
  }

  private static List<String> account(String name, int id, String shell, String home) {
    return List.of(
        SUDO + "dscl . -create /Groups/" + name + " PrimaryGroupID " + id,
        SUDO + "dscl . -create /Users/" + name + " UniqueID " + id,
        SUDO + "dscl . -create /Users/" + name + " PrimaryGroupID " + id,
        SUDO + "dscl . -create /Users/" + name + " UserShell " + shell,
        SUDO + "dscl . -create /Users/" + name + " NFSHomeDirectory " + home,
        SUDO + "dscl . -create /Users/" + name + " IsHidden 1");
  }

  private static Step folders(Host host, List<Service> services) {
    var dirs = host.dirs();
    String svc = host.serviceAccount();
    String db = host.databaseAccount();
    List<String> commands = new ArrayList<>(List.of(
        SUDO + "install -d -o " + svc + " -g " + svc + " -m 0700 " + dirs.etcd() + " " + dirs.redis() + " "
            + dirs.sentinel() + " " + dirs.controller() + " " + dirs.kafka(),
        SUDO + "install -d -o " + db + " -g " + db + " -m 0700 " + dirs.pgdata() + " " + ProductionBackups.SPOOL_PATH
            + " " + ProductionBackups.LOG_PATH,
        // the key inside is 0600; the certificate and the CA are public, and edge-node checks
        // the database's certificate against that CA
        SUDO + "install -d -o " + db + " -g " + db + " -m 0755 " + Path.of(dirs.postgresTls().key()).getParent(),
        // etcd's and its clients' keys, each 0600 and owned by the account that reads it
        SUDO + "install -d -m 0755 " + Path.of(dirs.etcdMemberTls().key()).getParent() + " "
            + Path.of(dirs.kafkaPem("broker")).getParent(),
        // Patroni rewrites it but cannot create it in the root-owned base folder
        SUDO + "install -o " + db + " -g " + db + " -m 0600 /dev/null " + dirs.pgpass(),
        SUDO + "install -d -m 0755 " + host.logDir()));
    for (Service s : services) {
      String log = LaunchdPlist.logFile(host, s);
      String group = Host.ROOT.equals(s.account()) ? "wheel" : s.account();
      commands.add(SUDO + "touch " + log + " && " + SUDO + "chown " + s.account() + ":" + group + " " + log);
    }
    return new Step("data folders and log files, owned by the account that writes them", commands);
  }
}

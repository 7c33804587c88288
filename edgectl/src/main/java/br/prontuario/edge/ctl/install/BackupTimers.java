package br.prontuario.edge.ctl.install;

import br.prontuario.edge.localcluster.backup.BackupPolicy;
import br.prontuario.edge.localcluster.backup.ProductionBackups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The witness's scheduled pgBackRest backups (docs/operations.md, backup runbook): a full backup
 * every Sunday night and a differential every other night, each into repo1 (the witness) and then
 * repo2 (GCS), as {@code postgres}. One {@code .service} + {@code .timer} pair per kind.
 */
final class BackupTimers {

  /** The kinds of backup and when they run (systemd calendar, the witness's local time). */
  enum Kind {
    FULL("full", "Sun *-*-* 01:30:00", "weekly"),
    DIFF("diff", "Mon..Sat *-*-* 01:30:00", "nightly");

    final String type;
    final String calendar;
    final String cadence;

    Kind(String type, String calendar, String cadence) {
      this.type = type;
      this.calendar = calendar;
      this.cadence = cadence;
    }

    String service() {
      return "backup-" + type;
    }
  }

  private BackupTimers() {}

  /** File name → content, for every kind: the service, then its timer. */
  static Map<String, String> units(Host host, BackupPolicy policy) {
    Map<String, String> units = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      units.put(SystemdUnit.fileName(kind.service(), "service"), service(host, policy, kind));
      units.put(SystemdUnit.fileName(kind.service(), "timer"), timer(kind));
    }
    return units;
  }

  static List<String> timerNames() {
    List<String> names = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      names.add(SystemdUnit.fileName(kind.service(), "timer"));
    }
    return names;
  }

  private static String service(Host host, BackupPolicy policy, Kind kind) {
    StringJoiner u = SystemdUnit.header(kind.type + " pgBackRest backup into repo1 (witness) and repo2 (GCS)");
    u.add("[Service]");
    u.add("Type=oneshot");
    u.add("User=" + host.databaseAccount());
    u.add("Group=" + host.databaseAccount());
    // one after the other, the second only if the first succeeded (the runbook's "&&")
    for (int repo = 1; repo <= 2; repo++) {
      u.add("ExecStart=" + SystemdUnit.commandLine(List.of(host.path(Program.PGBACKREST),
          "--config=" + ProductionBackups.CONFIG, "--stanza=" + policy.stanza(), "--type=" + kind.type,
          "--repo=" + repo, "backup")));
    }
    // pgBackRest keeps its locks and the "pgbackrest stop" file in /tmp/pgbackrest: a private /tmp
    // would let a timer's backup run beside an operator's and ignore a stop, so this unit shares
    // the host's /tmp (writable: ProtectSystem=strict would make it read-only)
    SystemdUnit.sandbox(u, List.of(ProductionBackups.REPO1_PATH, ProductionBackups.LOG_PATH, "/tmp"), false);
    SystemdUnit.journal(u, kind.service());
    return u.toString();
  }

  private static String timer(Kind kind) {
    StringJoiner u = new StringJoiner("\n", "", "\n");
    u.add("# written by edgectl install; the schedule is docs/operations.md's");
    u.add("[Unit]");
    u.add("Description=Prontuário Edge: " + kind.cadence + " " + kind.type + " pgBackRest backup");
    u.add("");
    u.add("[Timer]");
    u.add("OnCalendar=" + kind.calendar);
    // a run missed while the witness was off happens when it is back
    u.add("Persistent=true");
    u.add("Unit=" + SystemdUnit.fileName(kind.service(), "service"));
    u.add("");
    u.add("[Install]");
    u.add("WantedBy=timers.target");
    return u.toString();
  }
}

package br.prontuario.edge.ctl.install;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * A {@link Service} as a systemd unit: restarted on failure, logging to journald, and sandboxed
 * (no new privileges, a read-only system except the paths it writes, its own /tmp).
 */
final class SystemdUnit {

  static final String DIR = "/etc/systemd/system";
  static final String PREFIX = "prontuario-";

  private SystemdUnit() {}

  static String fileName(String service, String kind) {
    return PREFIX + service + "." + kind;
  }

  static String render(Service s) {
    StringJoiner u = header(s.description());
    u.add("[Service]");
    u.add("Type=" + (s.notifiesReady() ? "notify" : "exec"));
    u.add("User=" + s.account());
    u.add("Group=" + s.account());
    u.add("WorkingDirectory=" + s.workingDirectory());
    s.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> u.add("Environment=" + quote(e.getKey() + "=" + e.getValue(), false)));
    u.add("ExecStart=" + commandLine(s.command()));
    u.add("Restart=on-failure");
    u.add("RestartSec=" + s.restartDelay().toSeconds() + "s");
    if (!s.capabilities().isEmpty()) {
      String caps = String.join(" ", s.capabilities());
      u.add("CapabilityBoundingSet=" + caps);
      if (!Host.ROOT.equals(s.account())) {
        u.add("AmbientCapabilities=" + caps);
      }
    }
    if (s.runtimeDirectory() != null) {
      u.add("RuntimeDirectory=" + s.runtimeDirectory());
    }
    sandbox(u, s.writablePaths(), true);
    u.add("ProtectHome=yes");
    journal(u, s.name());
    u.add("");
    u.add("[Install]");
    u.add("WantedBy=multi-user.target");
    return u.toString();
  }

  static StringJoiner header(String description) {
    StringJoiner u = new StringJoiner("\n", "", "\n");
    u.add("# written by edgectl install from config/edge-cluster.yaml; edit that file and install again");
    u.add("[Unit]");
    u.add("Description=Prontuário Edge: " + description);
    u.add("After=network-online.target");
    u.add("Wants=network-online.target");
    u.add("");
    return u;
  }

  /** Nothing but {@code writable} may be written; {@code privateTmp} gives the unit its own /tmp. */
  static void sandbox(StringJoiner u, List<String> writable, boolean privateTmp) {
    u.add("NoNewPrivileges=yes");
    u.add("ProtectSystem=strict");
    if (!writable.isEmpty()) {
      u.add("ReadWritePaths=" + String.join(" ", writable));
    }
    u.add("PrivateTmp=" + (privateTmp ? "yes" : "no"));
  }

  static void journal(StringJoiner u, String service) {
    u.add("StandardOutput=journal");
    u.add("StandardError=journal");
    u.add("SyslogIdentifier=" + PREFIX + service);
  }

  static String commandLine(List<String> command) {
    return command.stream().map(word -> quote(word, true)).collect(Collectors.joining(" "));
  }

  /**
   * systemd expands %specifiers in both ExecStart and Environment, $variables in ExecStart only,
   * and splits on blanks.
   */
  private static String quote(String word, boolean exec) {
    String escaped = word.replace("%", "%%");
    escaped = exec ? escaped.replace("$", "$$") : escaped;
    return escaped.matches("[^\\s\"'\\\\]+") ? escaped
        : "\"" + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

package br.prontuario.edge.localcluster.backup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code pgbackrest.conf}: a {@code [global]} section (repositories, logs, locks) and the
 * stanza's section (where PostgreSQL is). Kept as ordered maps so every writer renders it the
 * same way and tests can read options back without parsing text.
 */
public record PgBackRestConf(Map<String, String> global, String stanza, Map<String, String> stanzaOptions) {

  public PgBackRestConf {
    global = Map.copyOf(global);
    stanzaOptions = Map.copyOf(stanzaOptions);
  }

  /** Where one PostgreSQL instance is: pgBackRest's {@code pgN-*} options. */
  public record Database(String host, String path, int port, String socketPath) {

    Map<String, String> options(int index) {
      Map<String, String> o = new LinkedHashMap<>();
      String p = "pg" + index + "-";
      if (host != null) {
        o.put(p + "host", host);
        o.put(p + "host-user", "postgres");
      }
      o.put(p + "path", path);
      o.put(p + "port", Integer.toString(port));
      if (socketPath != null) {
        o.put(p + "socket-path", socketPath);
      }
      o.put(p + "user", "postgres");
      return o;
    }
  }

  public static PgBackRestConf of(String stanza, Map<String, String> global, List<Database> databases) {
    Map<String, String> section = new LinkedHashMap<>();
    for (int i = 0; i < databases.size(); i++) {
      section.putAll(databases.get(i).options(i + 1));
    }
    return new PgBackRestConf(global, stanza, section);
  }

  /** The option as the file sets it, from either section, or null. */
  public String option(String name) {
    return stanzaOptions.getOrDefault(name, global.get(name));
  }

  public String render(String header) {
    StringBuilder out = new StringBuilder("# ").append(header).append('\n');
    section(out, "global", global);
    out.append('\n');
    section(out, stanza, stanzaOptions);
    return out.toString();
  }

  private static void section(StringBuilder out, String name, Map<String, String> options) {
    out.append('[').append(name).append("]\n");
    options.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
  }
}

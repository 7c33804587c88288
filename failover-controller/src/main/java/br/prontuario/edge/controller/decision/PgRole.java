package br.prontuario.edge.controller.decision;

import java.util.Locale;

/** What a node's own Patroni says its PostgreSQL is (not the DCS view). */
public enum PgRole {
  PRIMARY,
  REPLICA,
  UNKNOWN;

  /** Patroni 3.0 reports "master"; later versions "primary"; the DCS view says "leader". */
  public static PgRole fromPatroni(String role) {
    if (role == null) {
      return UNKNOWN;
    }
    return switch (role.toLowerCase(Locale.ROOT)) {
      case "master", "primary", "leader", "standby_leader" -> PRIMARY;
      case "replica", "sync_standby", "standby" -> REPLICA;
      default -> UNKNOWN;
    };
  }
}

package br.prontuario.edge.ctl.install;

import br.prontuario.edge.ctl.render.ProductionDirs;

/**
 * Where things go on one production host and as whom they run. Configuration lives in
 * {@code /etc/prontuario} on both platforms (pgBackRest's own file stays where the rendered
 * {@code archive_command} looks for it); data below {@code production.baseDir}.
 *
 * @param serviceAccount runs every service except the database and what needs root: macOS names
 *     service accounts with a leading underscore
 * @param databaseAccount runs Patroni/PostgreSQL and pgBackRest: {@code postgres}, because the
 *     rendered pgBackRest files reach the other hosts over SSH as that user
 *     ({@code pg1-host-user}, {@code repo1-host-user})
 * @param logDir launchd's StandardOutPath/StandardErrorPath; none on Linux (journald)
 */
record Host(Platform platform, ProductionDirs dirs, String homebrewPrefix, String serviceAccount,
    String databaseAccount, String configDir, String logDir) {

  static final String CONFIG_DIR = "/etc/prontuario";
  static final String DATABASE_ACCOUNT = "postgres";
  static final String ROOT = "root";

  static Host of(Platform platform, ProductionDirs dirs, String homebrewPrefix) {
    return platform == Platform.MACOS
        ? new Host(platform, dirs, homebrewPrefix, "_prontuario", DATABASE_ACCOUNT, CONFIG_DIR,
            "/usr/local/var/log/prontuario")
        : new Host(platform, dirs, homebrewPrefix, "prontuario", DATABASE_ACCOUNT, CONFIG_DIR, null);
  }

  String path(Program program) {
    return program.path(platform, homebrewPrefix);
  }

  String config(String file) {
    return configDir + "/" + file;
  }

  /** The Spring Boot services' secrets: one 0600 file each, owned by the service account. */
  String secrets(String service) {
    return configDir + "/secrets/" + service + ".properties";
  }

  String jar(String service) {
    return dirs.lib() + "/" + service + ".jar";
  }
}

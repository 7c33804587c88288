package br.prontuario.edge.ctl.install;

/**
 * The executables the services run, where Homebrew (Mac Studios) and Debian (witness) put them,
 * and the package that brings each: the same names {@code bin/edgectl} installs for the local
 * cluster.
 */
enum Program {
  ETCD("bin/etcd", "etcd", "/usr/bin/etcd", "etcd-server"),
  PATRONI("bin/patroni", "patroni", "/usr/bin/patroni", "patroni"),
  REDIS_SERVER("bin/redis-server", "redis", "/usr/bin/redis-server", "redis-server"),
  REDIS_SENTINEL("bin/redis-sentinel", "redis", "/usr/bin/redis-sentinel", "redis-sentinel"),
  HAPROXY("bin/haproxy", "haproxy", "/usr/sbin/haproxy", "haproxy"),
  // keepalived is Linux-only: no Homebrew formula, no Mac Studio runs it
  KEEPALIVED(null, null, "/usr/sbin/keepalived", "keepalived"),
  PGBACKREST("bin/pgbackrest", "pgbackrest", "/usr/bin/pgbackrest", "pgbackrest"),
  // keg-only formula: not linked into bin/, so its opt/ path
  JAVA("opt/openjdk@17/bin/java", "openjdk@17", "/usr/bin/java", "openjdk-17-jre-headless");

  private final String underHomebrew;
  private final String formula;
  private final String debianPath;
  private final String debianPackage;

  Program(String underHomebrew, String formula, String debianPath, String debianPackage) {
    this.underHomebrew = underHomebrew;
    this.formula = formula;
    this.debianPath = debianPath;
    this.debianPackage = debianPackage;
  }

  /** The absolute path on {@code platform}; Homebrew's below {@code homebrewPrefix}. */
  String path(Platform platform, String homebrewPrefix) {
    if (platform == Platform.LINUX) {
      return debianPath;
    }
    if (underHomebrew == null) {
      throw new IllegalStateException(this + " does not run on macOS");
    }
    return homebrewPrefix + "/" + underHomebrew;
  }

  String formula() {
    return formula;
  }

  String debianPackage() {
    return debianPackage;
  }
}

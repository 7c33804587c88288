package br.prontuario.edge.ctl.install;

/**
 * One file {@code edgectl install} writes.
 *
 * @param path absolute on the host; written below {@code --root}
 * @param mode POSIX permissions, e.g. {@code rw-r--r--}
 * @param owner the account that must own it (the operator's {@code chown} step; install writes as
 *     whoever runs it)
 * @param keptBecause non-null: a file its service rewrites (Sentinel, Redis), written only when
 *     absent, and why
 */
record PlannedFile(String path, String content, String mode, String owner, String keptBecause) {

  static final String PUBLIC = "rw-r--r--";
  static final String SECRET = "rw-------";

  PlannedFile {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("not an absolute path: " + path);
    }
  }

  static PlannedFile root(String path, String content) {
    return new PlannedFile(path, content, PUBLIC, Host.ROOT, null);
  }

  /** Readable by {@code owner} only: it holds passwords (placeholders until the operator fills them). */
  static PlannedFile secret(String path, String content, String owner) {
    return new PlannedFile(path, content, SECRET, owner, null);
  }

  PlannedFile keptOnceWritten(String because) {
    return new PlannedFile(path, content, mode, owner, because);
  }

  String octalMode() {
    int bits = 0;
    for (char c : mode.toCharArray()) {
      bits = bits * 2 + (c == '-' ? 0 : 1);
    }
    return String.format("%04o", bits);
  }
}

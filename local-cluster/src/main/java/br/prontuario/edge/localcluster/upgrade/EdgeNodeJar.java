package br.prontuario.edge.localcluster.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** Tells an edge-node jar from any other file before anything on the cluster is touched. */
public final class EdgeNodeJar {

  public static final String MAIN_CLASS =
      "BOOT-INF/classes/br/prontuario/edge/node/EdgeNodeApplication.class";

  private EdgeNodeJar() {}

  /** @throws IllegalArgumentException naming the file and what is wrong with it */
  public static void check(Path jar) {
    if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
      throw new IllegalArgumentException(jar + " is not a readable file");
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.getEntry(MAIN_CLASS) == null) {
        throw new IllegalArgumentException(jar + " is not an edge-node jar (no "
            + "br.prontuario.edge.node.EdgeNodeApplication in it)");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(jar + " is not a jar: " + e.getMessage());
    }
  }
}

package br.prontuario.edge.localcluster.partition;

import br.prontuario.edge.localcluster.process.Binaries;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs an nftables script ({@code nft -f -}): applied as one transaction, or not at all. */
final class Nft {

  private Nft() {}

  static Path binary() {
    return Binaries.find("nft").orElseThrow(() -> new IllegalStateException(
        "nft is missing (network partitions use nftables); run: "
            + Binaries.installCommand("nftables", "nftables")));
  }

  static boolean binaryPresent() {
    return Binaries.find("nft").isPresent();
  }

  static void apply(String script) {
    try {
      Process nft = new ProcessBuilder(binary().toString(), "-f", "-").redirectErrorStream(true).start();
      try (OutputStream in = nft.getOutputStream()) {
        in.write(script.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(nft.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!nft.waitFor(30, TimeUnit.SECONDS)) {
        nft.destroyForcibly();
        throw new IllegalStateException("nft did not finish within 30 s");
      }
      if (nft.exitValue() != 0) {
        throw new IllegalStateException("nft refused the partition rules: "
            + output.lines().findFirst().orElse("exit " + nft.exitValue()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run nft: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running nft", e);
    }
  }
}

package br.prontuario.edge.node.inference.face;

import br.prontuario.edge.node.inference.model.LargeStack;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;

/** Face-embedding latency on a given model (not a test). */
public final class FaceBenchmark {

  public record Result(int dimensions, double p50Ms, double p95Ms, double meanMs) {}

  private FaceBenchmark() {}

  public static Result run(Path model, int threads, int runs) throws Exception {
    try (FaceEmbedder embedder = LargeStack.call("face", () -> new FaceEmbedder(model, "bench", threads))) {
      BufferedImage crop = CropDecoder.decode(SyntheticFaces.crop(SyntheticFaces.Person.ANA, 1), 1 << 20).orElseThrow();
      int dimensions = embedder.embed(crop).length;
      for (int i = 0; i < 5; i++) {
        embedder.embed(crop);
      }
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        embedder.embed(crop);
        ms[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(ms);
      return new Result(dimensions, ms[runs / 2], ms[(int) (runs * 0.95)], Arrays.stream(ms).average().orElse(0));
    }
  }
}

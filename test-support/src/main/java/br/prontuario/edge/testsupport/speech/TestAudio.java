package br.prontuario.edge.testsupport.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** WAV files for tests: tones written as RIFF/WAVE with a chosen encoding. */
public final class TestAudio {

  private TestAudio() {}

  public static float[] tone(double hz, int rate, double seconds) {
    float[] samples = new float[(int) (rate * seconds)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return samples;
  }

  /** 16-bit PCM; every channel carries the same samples. */
  public static byte[] pcm16(float[] samples, int rate, int channels) {
    ByteBuffer data = ByteBuffer.allocate(samples.length * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float s : samples) {
      for (int c = 0; c < channels; c++) {
        data.putShort((short) Math.round(s * 32767));
      }
    }
    return wav(1, channels, rate, 16, data.array());
  }

  public static byte[] wav(int encoding, int channels, int rate, int bits, byte[] data) {
    ByteBuffer out = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length)
        .put("WAVE".getBytes(StandardCharsets.US_ASCII))
        .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
        .putShort((short) encoding).putShort((short) channels).putInt(rate)
        .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return out.array();
  }

  public static int zeroCrossings(float[] samples) {
    int crossings = 0;
    for (int i = 1; i < samples.length; i++) {
      if ((samples[i - 1] < 0) != (samples[i] < 0)) {
        crossings++;
      }
    }
    return crossings;
  }
}

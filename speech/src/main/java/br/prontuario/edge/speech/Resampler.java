package br.prontuario.edge.speech;

/**
 * Sample-rate conversion for speech: when downsampling, a moving-average low-pass first (so
 * 44.1/48 kHz recordings do not alias into the speech band), then linear interpolation.
 */
public final class Resampler {

  private Resampler() {}

  public static float[] toRate(float[] samples, int from, int to) {
    if (from == to || samples.length == 0) {
      return samples;
    }
    float[] source = from > to ? lowPass(samples, (int) Math.round((double) from / to)) : samples;
    int length = (int) ((long) samples.length * to / from);
    float[] out = new float[length];
    double step = (double) from / to;
    for (int i = 0; i < length; i++) {
      double position = i * step;
      int left = (int) position;
      int right = Math.min(left + 1, source.length - 1);
      double fraction = position - left;
      out[i] = (float) (source[left] * (1 - fraction) + source[right] * fraction);
    }
    return out;
  }

  private static float[] lowPass(float[] samples, int width) {
    if (width <= 1) {
      return samples;
    }
    float[] out = new float[samples.length];
    double sum = 0;
    for (int i = 0; i < samples.length; i++) {
      sum += samples[i];
      if (i >= width) {
        sum -= samples[i - width];
      }
      out[i] = (float) (sum / Math.min(i + 1, width));
    }
    return out;
  }
}

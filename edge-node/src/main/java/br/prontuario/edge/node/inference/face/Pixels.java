package br.prontuario.edge.node.inference.face;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The few image operations the face models need, in plain Java2D (no native image library). */
final class Pixels {

  private Pixels() {}

  /**
   * Resized with bilinear steps of at most one halving each, so a large photo shrunk to a model's
   * input keeps its detail instead of aliasing.
   */
  static BufferedImage resize(BufferedImage source, int width, int height) {
    BufferedImage current = rgb(source);
    int w = current.getWidth();
    int h = current.getHeight();
    do {
      w = Math.max(width, w / 2);
      h = Math.max(height, h / 2);
      if (w == current.getWidth() && h == current.getHeight()) {
        w = width;
        h = height;
      }
      BufferedImage next = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = next.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(current, 0, 0, w, h, null);
      g.dispose();
      current = next;
    } while (w != width || h != height);
    return current;
  }

  /** The image as 8-bit RGB (a PNG may be grey, indexed or carry alpha). */
  static BufferedImage rgb(BufferedImage source) {
    if (source.getType() == BufferedImage.TYPE_INT_RGB) {
      return source;
    }
    BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = copy.createGraphics();
    g.drawImage(source, 0, 0, null);
    g.dispose();
    return copy;
  }

  /**
   * {@code [1,3,H,W]} floats, RGB planes, each value {@code (v - 127.5) / 128}: the normalisation
   * both the detector and the embedder were trained with.
   */
  static float[] chw(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int plane = width * height;
    float[] chw = new float[3 * plane];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        int at = y * width + x;
        chw[at] = (((rgb >> 16) & 0xff) - 127.5f) / 128f;
        chw[plane + at] = (((rgb >> 8) & 0xff) - 127.5f) / 128f;
        chw[2 * plane + at] = ((rgb & 0xff) - 127.5f) / 128f;
      }
    }
    return chw;
  }

  /** {@code [1,1,H,W]} luma in [0, 1): the landmark model's input. */
  static float[] grey(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    float[] grey = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int rgb = image.getRGB(x, y);
        double luma = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
        grey[y * width + x] = (float) (luma / 256.0);
      }
    }
    return grey;
  }

  /**
   * The {@code width×height} image whose pixel (x, y) is the source, bilinearly sampled, at
   * {@code inverse} applied to (x, y): {@code [a, b, c, d, e, f]} maps to (a·x + b·y + c, d·x + e·y + f).
   * Outside the source is black.
   */
  static BufferedImage warp(BufferedImage source, double[] inverse, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double sx = inverse[0] * x + inverse[1] * y + inverse[2];
        double sy = inverse[3] * x + inverse[4] * y + inverse[5];
        out.setRGB(x, y, sample(source, sx, sy));
      }
    }
    return out;
  }

  private static int sample(BufferedImage source, double x, double y) {
    int x0 = (int) Math.floor(x);
    int y0 = (int) Math.floor(y);
    double fx = x - x0;
    double fy = y - y0;
    int result = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double top = channel(source, x0, y0, shift) * (1 - fx) + channel(source, x0 + 1, y0, shift) * fx;
      double bottom = channel(source, x0, y0 + 1, shift) * (1 - fx) + channel(source, x0 + 1, y0 + 1, shift) * fx;
      int value = (int) Math.round(top * (1 - fy) + bottom * fy);
      result |= Math.min(255, Math.max(0, value)) << shift;
    }
    return result;
  }

  private static int channel(BufferedImage source, int x, int y, int shift) {
    if (x < 0 || y < 0 || x >= source.getWidth() || y >= source.getHeight()) {
      return 0;
    }
    return (source.getRGB(x, y) >> shift) & 0xff;
  }
}

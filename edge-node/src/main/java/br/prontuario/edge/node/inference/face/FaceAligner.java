package br.prontuario.edge.node.inference.face;

import java.awt.image.BufferedImage;

/**
 * Aligns a face to the embedder's template: five points (eye centres, nose tip, mouth corners)
 * taken from the 68 landmarks, the least-squares similarity transform (rotation, uniform scale,
 * shift) onto the 112×112 ArcFace reference points, then a bilinear warp. Pure: no model.
 */
final class FaceAligner {

  static final int SIDE = 112;

  /** Where the embedder was trained to see the eyes, nose tip and mouth corners (112×112). */
  static final double[][] TEMPLATE = {
      {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};

  private FaceAligner() {}

  static BufferedImage align(BufferedImage photo, double[] landmarks68) {
    return Pixels.warp(Pixels.rgb(photo), templateToPhoto(fivePoints(landmarks68)), SIDE, SIDE);
  }

  /** Eye centres (mean of 4 eyelid points each), nose tip (30), mouth corners (means of 48/60 and 54/64). */
  static double[][] fivePoints(double[] p) {
    return new double[][] {
        {mean(p, 0, 37, 38, 40, 41), mean(p, 1, 37, 38, 40, 41)},
        {mean(p, 0, 43, 44, 46, 47), mean(p, 1, 43, 44, 46, 47)},
        {p[60], p[61]},
        {mean(p, 0, 48, 60), mean(p, 1, 48, 60)},
        {mean(p, 0, 54, 64), mean(p, 1, 54, 64)}};
  }

  /**
   * The similarity mapping template points onto {@code points} (what the warp samples with):
   * {@code [a, -b, tx, b, a, ty]}, fitted by least squares (Umeyama without reflection).
   */
  static double[] templateToPhoto(double[][] points) {
    int n = TEMPLATE.length;
    double sx = 0, sy = 0, dx = 0, dy = 0;
    for (int i = 0; i < n; i++) {
      sx += TEMPLATE[i][0];
      sy += TEMPLATE[i][1];
      dx += points[i][0];
      dy += points[i][1];
    }
    sx /= n;
    sy /= n;
    dx /= n;
    dy /= n;
    double dot = 0, cross = 0, norm = 0;
    for (int i = 0; i < n; i++) {
      double ux = TEMPLATE[i][0] - sx;
      double uy = TEMPLATE[i][1] - sy;
      double vx = points[i][0] - dx;
      double vy = points[i][1] - dy;
      dot += ux * vx + uy * vy;
      cross += ux * vy - uy * vx;
      norm += ux * ux + uy * uy;
    }
    double a = dot / norm;
    double b = cross / norm;
    return new double[] {a, -b, dx - (a * sx - b * sy), b, a, dy - (b * sx + a * sy)};
  }

  private static double mean(double[] p, int axis, int... indices) {
    double sum = 0;
    for (int i : indices) {
      sum += p[2 * i + axis];
    }
    return sum / indices.length;
  }
}

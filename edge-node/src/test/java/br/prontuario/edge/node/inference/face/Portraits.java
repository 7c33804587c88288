package br.prontuario.edge.node.inference.face;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.RescaleOp;

/**
 * Single-face "photos" cut from a group photo around one detected face, optionally changed the
 * way a second photo of the same person differs: framing shifted, closer or farther, head tilted,
 * lighter or darker.
 */
final class Portraits {

  /** How one portrait differs from the straight crop. */
  record Change(String name, double shiftX, double shiftY, double scale, double degrees, float brightness) {}

  static final Change NONE = new Change("none", 0, 0, 1, 0, 1);

  /** The augmentations genuine pairs are measured on (docs/inference.md). */
  static final java.util.List<Change> CHANGES = java.util.List.of(
      new Change("shift right 10%", 0.10, 0, 1, 0, 1),
      new Change("shift up 10%", 0, -0.10, 1, 0, 1),
      new Change("closer ×1.25", 0, 0, 1.25, 0, 1),
      new Change("farther ×0.8", 0, 0, 0.8, 0, 1),
      new Change("tilt +12°", 0, 0, 1, 12, 1),
      new Change("tilt −12°", 0, 0, 1, -12, 1),
      new Change("darker ×0.6", 0, 0, 1, 0, 0.6f),
      new Change("lighter ×1.4", 0, 0, 1, 0, 1.4f));

  /** Output side in pixels: a phone's front-camera face photo, downsized. */
  static final int SIDE = 320;

  private Portraits() {}

  /** A square portrait around {@code face}, 2.2 face heights wide, with {@code change} applied. */
  static BufferedImage around(BufferedImage photo, FaceDetector.Box face, Change change) {
    double side = 2.2 * face.height();
    double cx = (face.x1() + face.x2()) / 2;
    double cy = (face.y1() + face.y2()) / 2;
    AffineTransform t = new AffineTransform();
    t.translate(SIDE / 2.0 + change.shiftX() * SIDE, SIDE / 2.0 + change.shiftY() * SIDE);
    t.rotate(Math.toRadians(change.degrees()));
    t.scale(change.scale() * SIDE / side, change.scale() * SIDE / side);
    t.translate(-cx, -cy);
    BufferedImage out = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(photo, t, null);
    g.dispose();
    return change.brightness() == 1 ? out : new RescaleOp(change.brightness(), 0, null).filter(out, null);
  }
}

package br.prontuario.edge.node.inference.face;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Drawn "faces" for tests: two people with distinct colours and layout, each crop slightly varied. */
public final class SyntheticFaces {

  public enum Person { ANA, BRUNO }

  private SyntheticFaces() {}

  /** A PNG crop of {@code person}; {@code variant} shifts, relights and adds noise. */
  public static byte[] crop(Person person, int variant) {
    Random random = new Random(variant * 31L + person.ordinal());
    int size = 160;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    float light = 0.9f + random.nextFloat() * 0.2f;
    int dx = random.nextInt(7) - 3;
    int dy = random.nextInt(7) - 3;
    boolean ana = person == Person.ANA;
    g.setColor(shade(ana ? new Color(40, 70, 160) : new Color(200, 190, 60), light));
    g.fillRect(0, 0, size, size);
    g.setColor(shade(ana ? new Color(230, 190, 160) : new Color(120, 80, 50), light));
    g.fillOval(30 + dx, 15 + dy, 100, 130);
    g.setColor(shade(ana ? new Color(30, 20, 10) : new Color(240, 240, 240), light));
    g.fillRect(ana ? 20 + dx : 30 + dx, ana ? 5 + dy : 110 + dy, ana ? 120 : 100, ana ? 30 : 40);
    g.fillOval(55 + dx, 60 + dy, 14, 10);
    g.fillOval(91 + dx, 60 + dy, 14, 10);
    g.dispose();
    for (int i = 0; i < 400; i++) {
      image.setRGB(random.nextInt(size), random.nextInt(size), random.nextInt(0xffffff));
    }
    return png(image);
  }

  private static Color shade(Color c, float light) {
    return new Color(Math.min(255, (int) (c.getRed() * light)), Math.min(255, (int) (c.getGreen() * light)),
        Math.min(255, (int) (c.getBlue() * light)));
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

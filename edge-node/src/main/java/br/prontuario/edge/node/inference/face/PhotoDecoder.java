package br.prontuario.edge.node.inference.face;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes a face photo (JPEG or PNG from the phone), refusing oversized or pixel-bomb images. */
final class PhotoDecoder {

  private static final int MAX_SIDE = 2048;

  private PhotoDecoder() {}

  static Optional<BufferedImage> decode(byte[] bytes, int maxBytes) {
    if (bytes == null || bytes.length == 0 || bytes.length > maxBytes) {
      return Optional.empty();
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE || reader.getWidth(0) < 16 || reader.getHeight(0) < 16) {
          return Optional.empty();
        }
        return Optional.ofNullable(reader.read(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}

package br.prontuario.edge.node.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** MLLP framing (HL7 v2 over TCP): {@code 0x0B message 0x1C 0x0D}. */
final class Mllp {

  static final int START = 0x0B;
  static final int END = 0x1C;
  static final int CR = 0x0D;
  /** Bigger frames are refused: an ORU of a full panel is a few kilobytes. */
  static final int MAX_BYTES = 1 << 20;

  private Mllp() {}

  /** The next framed message, or null at the end of the stream before a new frame. */
  static String read(InputStream in) throws IOException {
    int b = in.read();
    while (b != START) {
      if (b == -1) {
        return null;
      }
      b = in.read(); // bytes between frames are ignored, as MLLP allows
    }
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      b = in.read();
      if (b == -1) {
        throw new IOException("connection closed inside a frame");
      }
      if (b == END) {
        if (in.read() != CR) {
          throw new IOException("frame end 0x1C not followed by 0x0D");
        }
        return message.toString(StandardCharsets.UTF_8);
      }
      if (message.size() >= MAX_BYTES) {
        throw new IOException("frame larger than " + MAX_BYTES + " bytes");
      }
      message.write(b);
    }
  }

  static void write(OutputStream out, String message) throws IOException {
    out.write(START);
    out.write(message.getBytes(StandardCharsets.UTF_8));
    out.write(END);
    out.write(CR);
    out.flush();
  }
}

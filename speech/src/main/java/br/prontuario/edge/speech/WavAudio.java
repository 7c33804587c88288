package br.prontuario.edge.speech;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads RIFF/WAVE PCM (8/16/24/32-bit integer or 32-bit float, any rate, mono or multi-channel)
 * into mono samples at 16 kHz, Whisper's only input. Anything else is an {@link Unsupported} result.
 */
public final class WavAudio {

  public static final int WHISPER_RATE = 16_000;
  public static final List<String> ACCEPTED = List.of(
      "audio/wav (RIFF WAVE, PCM 8/16/24/32-bit or IEEE float 32-bit, any sample rate, mono or stereo; 16 kHz mono preferred)");

  public sealed interface Decoding {}

  public record Decoded(float[] samples, int originalRate, int channels) implements Decoding {
    public long durationMs() {
      return samples.length * 1000L / WHISPER_RATE;
    }
  }

  public record Unsupported(String reason) implements Decoding {}

  /** Longer than allowed: refused before resampling, so a long upload cannot balloon in memory. */
  public record TooLong(long durationMs) implements Decoding {}

  private static final int PCM = 1;
  private static final int IEEE_FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;

  private WavAudio() {}

  public static Decoding decode(byte[] bytes) {
    return decode(bytes, Long.MAX_VALUE);
  }

  public static Decoding decode(byte[] bytes, long maxDurationMs) {
    try {
      return parse(bytes, maxDurationMs);
    } catch (IndexOutOfBoundsException e) {
      return new Unsupported("malformed WAVE: a chunk runs past the end of the file");
    }
  }

  private static Decoding parse(byte[] bytes, long maxDurationMs) {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || !tag(in, 0).equals("RIFF") || !tag(in, 8).equals("WAVE")) {
      return new Unsupported("not a RIFF/WAVE file");
    }
    Format format = null;
    int position = 12;
    while (position + 8 <= bytes.length) {
      String id = tag(in, position);
      long size = Integer.toUnsignedLong(in.getInt(position + 4));
      int body = position + 8;
      if (id.equals("fmt ") && size >= 16 && body + size <= bytes.length) {
        format = Format.read(in, body);
      } else if (id.equals("data")) {
        if (format == null) {
          return new Unsupported("WAVE data before its fmt chunk");
        }
        int length = (int) Math.min(size, bytes.length - body);
        return format.decode(in, body, length, maxDurationMs);
      }
      position = body + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - body);
    }
    return new Unsupported("WAVE file without audio data");
  }

  private static String tag(ByteBuffer in, int at) {
    byte[] tag = new byte[4];
    in.get(at, tag);
    return new String(tag, StandardCharsets.US_ASCII);
  }

  private record Format(int encoding, int channels, int rate, int bits) {

    static Format read(ByteBuffer in, int at) {
      int encoding = Short.toUnsignedInt(in.getShort(at));
      if (encoding == EXTENSIBLE && Short.toUnsignedInt(in.getShort(at + 16)) >= 22) {
        encoding = Short.toUnsignedInt(in.getShort(at + 24));
      }
      return new Format(encoding, Short.toUnsignedInt(in.getShort(at + 2)), in.getInt(at + 4),
          Short.toUnsignedInt(in.getShort(at + 14)));
    }

    Decoding decode(ByteBuffer in, int at, int length, long maxDurationMs) {
      boolean integer = encoding == PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
      boolean floating = encoding == IEEE_FLOAT && bits == 32;
      if (!integer && !floating) {
        return new Unsupported("WAVE encoding " + encoding + " with " + bits + "-bit samples is not PCM");
      }
      if (channels < 1 || channels > 8 || rate < 4_000 || rate > 192_000) {
        return new Unsupported("WAVE with " + channels + " channels at " + rate + " Hz");
      }
      int frameBytes = channels * bits / 8;
      int frames = length / frameBytes;
      long durationMs = frames * 1000L / rate;
      if (durationMs > maxDurationMs) {
        return new TooLong(durationMs);
      }
      float[] mono = new float[frames];
      for (int f = 0; f < frames; f++) {
        float sum = 0;
        for (int c = 0; c < channels; c++) {
          sum += sample(in, at + f * frameBytes + c * bits / 8, floating);
        }
        mono[f] = sum / channels;
      }
      return new Decoded(Resampler.toRate(mono, rate, WHISPER_RATE), rate, channels);
    }

    private float sample(ByteBuffer in, int at, boolean floating) {
      if (floating) {
        return in.getFloat(at);
      }
      return switch (bits) {
        case 8 -> (Byte.toUnsignedInt(in.get(at)) - 128) / 128f;
        case 16 -> in.getShort(at) / 32768f;
        case 24 -> ((in.get(at + 2) << 16) | ((in.get(at + 1) & 0xff) << 8) | (in.get(at) & 0xff)) / 8388608f;
        default -> in.getInt(at) / 2147483648f;
      };
    }
  }
}

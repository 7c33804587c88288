package br.prontuario.edge.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import br.prontuario.edge.testsupport.speech.TestAudio;

import org.junit.jupiter.api.Test;

class WavAudioTest {

  @Test
  void readsSixteenKilohertzMonoPcmAsIs() {
    float[] tone = TestAudio.tone(440, 16_000, 1.0);

    WavAudio.Decoded decoded = (WavAudio.Decoded) WavAudio.decode(TestAudio.pcm16(tone, 16_000, 1));

    assertThat(decoded.samples()).hasSize(16_000);
    assertThat(decoded.samples()[100]).isCloseTo(tone[100], within(1e-4f));
    assertThat(decoded.durationMs()).isEqualTo(1000);
  }

  @Test
  void resamplesOtherRatesAndDownmixesStereoKeepingThePitch() {
    byte[] wav = TestAudio.pcm16(TestAudio.tone(440, 44_100, 2.0), 44_100, 2);

    WavAudio.Decoded decoded = (WavAudio.Decoded) WavAudio.decode(wav);

    assertThat(decoded.originalRate()).isEqualTo(44_100);
    assertThat(decoded.channels()).isEqualTo(2);
    assertThat(decoded.samples().length).isBetween(31_990, 32_010);
    // 440 Hz crosses zero 880 times a second
    assertThat(TestAudio.zeroCrossings(decoded.samples())).isBetween(1750, 1770);
  }

  @Test
  void readsIeeeFloatWav() {
    java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(8000 * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (float s : TestAudio.tone(200, 8000, 1.0)) {
      data.putFloat(s);
    }

    WavAudio.Decoding decoding = WavAudio.decode(TestAudio.wav(3, 1, 8000, 32, data.array()));

    assertThat(decoding).isInstanceOfSatisfying(WavAudio.Decoded.class, d -> assertThat(d.samples()).hasSize(16_000));
  }

  @Test
  void refusesRecordingsOverTheLimitBeforeResampling() {
    byte[] wav = TestAudio.pcm16(TestAudio.tone(440, 8_000, 3.0), 8_000, 1);

    assertThat(WavAudio.decode(wav, 2_000)).isEqualTo(new WavAudio.TooLong(3_000));
    assertThat(WavAudio.decode(wav, 3_000)).isInstanceOf(WavAudio.Decoded.class);
  }

  @Test
  void refusesCompressedWav() {
    byte[] mp3InWav = TestAudio.wav(0x55, 1, 16_000, 16, new byte[64]);

    assertThat(WavAudio.decode(mp3InWav)).isInstanceOfSatisfying(WavAudio.Unsupported.class,
        u -> assertThat(u.reason()).contains("not PCM"));
  }

  @Test
  void neverThrowsOnTruncatedOrCorruptFiles() {
    byte[] wav = TestAudio.pcm16(TestAudio.tone(440, 16_000, 0.1), 16_000, 1);
    java.util.Random random = new java.util.Random(1);
    for (int cut = 0; cut < 60; cut++) {
      assertThat(WavAudio.decode(java.util.Arrays.copyOf(wav, cut))).isNotNull();
    }
    for (int i = 0; i < 500; i++) {
      byte[] corrupt = wav.clone();
      corrupt[random.nextInt(44)] = (byte) random.nextInt(256);
      assertThat(WavAudio.decode(corrupt)).isNotNull();
    }
  }

  @Test
  void refusesAnythingThatIsNotRiffWave() {
    byte[] ogg = "OggS\0\2\0\0\0\0\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(WavAudio.decode(ogg)).isInstanceOf(WavAudio.Unsupported.class);
    assertThat(WavAudio.decode(new byte[0])).isInstanceOf(WavAudio.Unsupported.class);
  }
}

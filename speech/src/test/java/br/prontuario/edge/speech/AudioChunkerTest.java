package br.prontuario.edge.speech;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.testsupport.speech.TestAudio;

import java.util.List;
import org.junit.jupiter.api.Test;

class AudioChunkerTest {

  @Test
  void cutsLongAudioIntoBoundedChunksThatCoverItAll() {
    float[] audio = TestAudio.tone(300, 16_000, 75);

    List<AudioChunker.Chunk> chunks = AudioChunker.split(audio, 30 * 16_000);

    assertThat(chunks).hasSize(3);
    assertThat(chunks).allSatisfy(c -> assertThat(c.samples().length).isLessThanOrEqualTo(30 * 16_000));
    assertThat(chunks.stream().mapToInt(c -> c.samples().length).sum()).isEqualTo(audio.length);
    assertThat(chunks.get(0).startMs()).isZero();
    assertThat(chunks.get(1).startMs()).isEqualTo(chunks.get(0).samples().length * 1000L / 16_000);
  }

  @Test
  void cutsAtAPauseRatherThanMidWord() {
    float[] audio = TestAudio.tone(300, 16_000, 40);
    int pause = 27 * 16_000;
    java.util.Arrays.fill(audio, pause, pause + 8_000, 0f);

    List<AudioChunker.Chunk> chunks = AudioChunker.split(audio, 30 * 16_000);

    long cut = chunks.get(1).startMs();
    assertThat(cut).isBetween(27_000L, 27_500L);
  }

  @Test
  void leavesShortAudioWhole() {
    assertThat(AudioChunker.split(TestAudio.tone(300, 16_000, 3), 30 * 16_000)).hasSize(1);
  }
}

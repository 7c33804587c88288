package br.prontuario.edge.node.inference;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.inference.chat.MiniLm;
import br.prontuario.edge.node.inference.model.ManifestFixture;
import br.prontuario.edge.node.inference.onnx.EchoDecoder;
import br.prontuario.edge.node.inference.onnx.TinyModels;
import br.prontuario.edge.testsupport.http.TestHttp;
import br.prontuario.edge.node.support.EdgeNodeIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chat API on a decoder that echoes its prompt: the answer is the prompt the server built, so
 * the patient's note must be in it (and another patient's must not).
 */
class ChatGroundingIT extends EdgeNodeIT {

  @DynamicPropertySource
  static void echoModel(DynamicPropertyRegistry registry) {
    registry.add("edge.inference.manifest", ChatGroundingIT::manifest);
    registry.add("edge.inference.chat.prompt-template", () -> "{context}\n{question}");
    registry.add("edge.inference.chat.stop-tokens", () -> "<eos>");
    registry.add("edge.inference.chat.threads", () -> "1");
  }

  private static String manifest() {
    try {
      Path dir = Files.createTempDirectory("chat-grounding");
      return ManifestFixture.write(dir, Map.of(
          "chat", Map.of("model", EchoDecoder.write(dir, TinyModels.VOCAB.size()), "tokenizer", TinyModels.tokenizer(dir)),
          "retrieval", MiniLm.files())).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void thePatientsNoteReachesTheModelAndAnotherPatientsDoesNot() {
    String patient = createPatient("Ana Eco");
    String other = createPatient("Outro Eco");
    note(patient, "paciente tem febre e tosse");
    note(other, "paciente hoje");

    TestHttp.Reply reply = api.post("/api/v1/chat", token(Role.PHYSICIAN),
        TestHttp.json(Map.of("question", "o paciente", "patientId", patient, "maxTokens", 400)));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("mode").asText()).isEqualTo("GENERATED");
    String echoed = reply.json().get("answer").asText();
    assertThat(echoed).contains("paciente tem febre e tosse").contains("o paciente").doesNotContain("hoje");
  }

  private void note(String patient, String text) {
    assertThat(api.post("/api/v1/patients/" + patient + "/notes", token(Role.PHYSICIAN),
        TestHttp.json(Map.of("type", "evolucao", "text", text))).status()).isEqualTo(201);
  }
}

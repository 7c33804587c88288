package br.prontuario.edge.node.inference.chat;

import br.prontuario.edge.node.inference.model.LargeStack;
import br.prontuario.edge.node.inference.model.ModelFiles;
import java.nio.file.Path;
import java.util.Map;

/** Loads a test decoder and tokenizer through the production loader, on the large stack it needs. */
final class TestChatModels {

  private TestChatModels() {}

  static ChatModel load(ChatProperties properties, Path decoder, Path tokenizer) throws Exception {
    return LargeStack.call("chat", () -> new ChatModelLoader(properties).load(new ModelFiles("chat",
        Map.of("model", decoder, "tokenizer", tokenizer))));
  }
}

package br.prontuario.edge.node.inference.chat;

import br.prontuario.edge.node.inference.model.ModelFiles;
import br.prontuario.edge.node.inference.model.ModelLoader;
import org.springframework.stereotype.Component;

/** Loads the "chat" model: files {@code model} (ONNX decoder with KV cache) and {@code tokenizer} (tokenizer.json). */
@Component
class ChatModelLoader implements ModelLoader<ChatModel> {

  static final String NAME = "chat";

  private final ChatProperties properties;

  ChatModelLoader(ChatProperties properties) {
    this.properties = properties;
  }

  @Override
  public String modelName() {
    return NAME;
  }


  @Override
  public ChatModel load(ModelFiles files) throws Exception {
    ChatTokenizer tokenizer = new ChatTokenizer(files.require("tokenizer"));
    try {
      return new ChatModel(tokenizer, new OnnxDecoder(files.require("model"), properties.threads()), properties.stopTokens());
    } catch (Exception e) {
      tokenizer.close();
      throw e;
    }
  }
}

package br.prontuario.edge.node.inference.chat;

import br.prontuario.edge.node.inference.model.ModelFiles;
import br.prontuario.edge.node.inference.model.ModelLoader;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Loads the "chat" model: files {@code model} (ONNX decoder with KV cache), {@code tokenizer}
 * (tokenizer.json) and, for a split export such as MedGemma's, {@code embeddings}
 * ({@code embed_tokens.onnx}); external-data files are pinned under any other role and sit next to
 * the model with their original names.
 */
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


  private OnnxDecoder decoder(ModelFiles files) throws Exception {
    Path embeddings = files.byRole().get("embeddings");
    TokenEmbedder embedder = embeddings == null ? null : new TokenEmbedder(embeddings, properties.threads());
    try {
      return new OnnxDecoder(files.require("model"), embedder, properties.threads());
    } catch (Exception e) {
      if (embedder != null) {
        embedder.close();
      }
      throw e;
    }
  }

  @Override
  public ChatModel load(ModelFiles files) throws Exception {
    ChatTokenizer tokenizer = new ChatTokenizer(files.require("tokenizer"));
    try {
      return new ChatModel(tokenizer, decoder(files), properties.stopTokens());
    } catch (Exception e) {
      tokenizer.close();
      throw e;
    }
  }
}

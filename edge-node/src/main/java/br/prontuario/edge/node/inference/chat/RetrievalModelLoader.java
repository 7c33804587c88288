package br.prontuario.edge.node.inference.chat;

import br.prontuario.edge.node.inference.model.ModelFiles;
import br.prontuario.edge.node.inference.model.ModelLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the optional "retrieval" model (files {@code model}, {@code tokenizer}): a sentence
 * encoder that picks the notes most relevant to a question. Without it the chat context uses the
 * latest notes.
 */
@Component
class RetrievalModelLoader implements ModelLoader<NoteRanker> {

  static final String NAME = "retrieval";

  @Override
  public String modelName() {
    return NAME;
  }


  @Override
  public NoteRanker load(ModelFiles files) throws Exception {
    return new NoteRanker(files.require("model"), files.require("tokenizer"), 1);
  }
}

package br.prontuario.edge.node.inference.dictation;

import br.prontuario.edge.node.inference.model.ModelFiles;
import br.prontuario.edge.node.inference.model.ModelLoader;
import br.prontuario.edge.speech.WhisperTranscriber;
import org.springframework.stereotype.Component;

/** Loads the "dictation" model: file {@code model}, a whisper.cpp ggml file. */
@Component
class DictationModelLoader implements ModelLoader<WhisperTranscriber> {

  static final String NAME = "dictation";

  private final DictationProperties properties;

  DictationModelLoader(DictationProperties properties) {
    this.properties = properties;
  }

  @Override
  public String modelName() {
    return NAME;
  }


  @Override
  public WhisperTranscriber load(ModelFiles files) throws Exception {
    return WhisperTranscriber.load(files.require("model"), properties.threads());
  }
}

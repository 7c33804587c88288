package br.prontuario.edge.node.inference.face;

import br.prontuario.edge.node.inference.model.ModelFiles;
import br.prontuario.edge.node.inference.model.ModelLoader;
import org.springframework.stereotype.Component;

/** Loads the "face" model: file {@code model}, an ONNX face-embedding network. */
@Component
class FaceModelLoader implements ModelLoader<FaceEmbedder> {

  static final String NAME = "face";

  private final FaceProperties properties;

  FaceModelLoader(FaceProperties properties) {
    this.properties = properties;
  }

  @Override
  public String modelName() {
    return NAME;
  }


  @Override
  public FaceEmbedder load(ModelFiles files) throws Exception {
    return new FaceEmbedder(files.require("model"), files.sha256("model"), properties.threads());
  }
}

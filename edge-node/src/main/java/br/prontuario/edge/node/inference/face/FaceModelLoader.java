package br.prontuario.edge.node.inference.face;

import br.prontuario.edge.node.inference.model.ModelFiles;
import br.prontuario.edge.node.inference.model.ModelLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the "face" model: files {@code detector} ({@code fr_detect.onnx}), {@code landmarks}
 * ({@code fr_landmark.onnx}) and {@code embedder} ({@code fr_feature.onnx}), as
 * {@code edgectl models install} pins them.
 */
@Component
class FaceModelLoader implements ModelLoader<FaceRecognizer> {

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
  public FaceRecognizer load(ModelFiles files) throws Exception {
    return new FaceRecognizer(files.require("detector"), files.require("landmarks"), files.require("embedder"),
        files.sha256("embedder"), properties.threads());
  }
}

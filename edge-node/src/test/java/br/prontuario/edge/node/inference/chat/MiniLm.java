package br.prontuario.edge.node.inference.chat;

import br.prontuario.edge.localcluster.models.ModelSources;
import br.prontuario.edge.node.inference.model.RealModels;
import java.nio.file.Path;
import java.util.Map;

/** The real quantised all-MiniLM-L6-v2 from its pinned Maven jar, as {@code edgectl models install} places it. */
public final class MiniLm {

  private MiniLm() {}

  /** Roles "model" and "tokenizer", as a manifest entry of the "retrieval" model. */
  public static Map<String, Path> files() {
    return RealModels.files(ModelSources.RETRIEVAL);
  }
}

package br.prontuario.edge.node.inference.model;

/**
 * Turns the verified files of one model into a loaded runtime handle. One implementation per
 * feature (chat, dictation, face); the registry only calls it after the checksums match.
 */
public interface ModelLoader<M extends AutoCloseable> {

  String modelName();

  M load(ModelFiles files) throws Exception;
}

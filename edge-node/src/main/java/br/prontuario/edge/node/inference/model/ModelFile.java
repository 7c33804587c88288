package br.prontuario.edge.node.inference.model;

import java.nio.file.Path;

/** One file of a model as the manifest pins it: where it is, its SHA-256 (hex) and size in bytes. */
public record ModelFile(Path path, String sha256, long size) {}

package br.prontuario.edge.node.inference.dictation;

/** A piece of the transcript with its place in the recording, in milliseconds. */
public record Segment(long startMs, long endMs, String text) {}

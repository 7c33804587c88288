package br.prontuario.edge.speech;

/** A piece of the transcript with its place in the recording, in milliseconds. */
public record Segment(long startMs, long endMs, String text) {}

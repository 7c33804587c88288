package br.prontuario.edge.drill.bench;

/** A bench clinician's login. */
public record BenchUser(String username, String password) {}

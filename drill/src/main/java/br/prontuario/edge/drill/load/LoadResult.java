package br.prontuario.edge.drill.load;

import java.util.List;

/** What the load generator did: every attempt, every acknowledged write, the patients it used. */
public record LoadResult(List<Attempt> attempts, List<AckedWrite> acked, List<String> patientIds) {}

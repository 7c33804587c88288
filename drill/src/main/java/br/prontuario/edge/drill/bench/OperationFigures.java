package br.prontuario.edge.drill.bench;

/** The figures of one operation (or group of them) over the measured period, from Gatling. */
public record OperationFigures(long count, long failures, double perSecond, double p50Ms,
    double p95Ms, double p99Ms, double maxMs) {}

package br.prontuario.edge.drill.measure;

/**
 * One time bucket of the load: requests completed in it, how many failed, their latency, and how
 * many the cloud's emergency deployment answered.
 *
 * @param offsetSeconds start of the bucket, seconds since the run started
 */
public record SeriesPoint(double offsetSeconds, int requests, int errors, double errorRate,
    double p50Millis, double maxMillis, int servedByCloud) {}

package br.prontuario.edge.load;

import java.time.Duration;

/**
 * What one run of the clinicians' mix needs, from {@code -Dbench.*} system properties (the way
 * Gatling's launchers pass settings to a simulation). edgectl bench api writes both CSV files:
 * the clinicians already logged in, one row each, and the patients found through the API.
 * {@code -Dbench.mode=emergency} (edgectl bench cloud) runs the mix against cloud-fallback.
 */
record LoadSettings(String entrypoint, String cliniciansCsv, String patientsCsv, int clinicians,
    Duration think, Duration warmup, Duration measure, boolean emergency) {

  static LoadSettings fromSystemProperties() {
    return new LoadSettings(required("bench.entrypoint"), required("bench.clinicians-csv"),
        required("bench.patients-csv"), Integer.parseInt(required("bench.clinicians")),
        Duration.ofMillis(Long.parseLong(required("bench.think-ms"))),
        Duration.ofSeconds(Long.parseLong(required("bench.warmup-seconds"))),
        Duration.ofSeconds(Long.parseLong(required("bench.measure-seconds"))),
        "emergency".equals(System.getProperty("bench.mode", "edge")));
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing -D" + name
          + " (edgectl bench api sets it; see docs/benchmarks.md)");
    }
    return value;
  }
}

package br.prontuario.edge.app;

/**
 * The app's public paths, for the security rules of every server that serves it (edge-node, and
 * cloud-fallback in emergency mode): its static files under {@code META-INF/resources} and its
 * configuration. None of them holds patient data.
 */
public final class ClinicalAppFiles {

  /** Served by each server from its {@code edge.app.*} settings. */
  public static final String CONFIG = "/app/config.json";

  public static final String[] PUBLIC_FILES = {"/", "/index.html", "/app.css", "/sw.js",
      "/manifest.webmanifest", "/js/**", "/icons/**", CONFIG, "/favicon.ico"};

  private ClinicalAppFiles() {}
}

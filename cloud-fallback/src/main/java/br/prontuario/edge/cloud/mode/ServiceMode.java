package br.prontuario.edge.cloud.mode;

/** What every response of this deployment declares, so the iPhone app shows its banner. */
public final class ServiceMode {

  public static final String HEADER = "X-Service-Mode";
  public static final String EMERGENCY = "emergency";

  private ServiceMode() {}
}

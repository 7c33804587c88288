package br.prontuario.edge.localcluster.config;

/** The cluster configuration file says something impossible; the message names the setting. */
public class InvalidClusterConfigException extends RuntimeException {

  public InvalidClusterConfigException(String message) {
    super(message);
  }

  public InvalidClusterConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

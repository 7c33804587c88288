package br.prontuario.edge.localcluster.config;

/** Validation helpers whose messages name the setting, as an operator reads it in the YAML. */
final class Check {

  private Check() {}

  static void that(boolean condition, String message, Object... args) {
    if (!condition) {
      throw new InvalidClusterConfigException(message.formatted(args));
    }
  }

  static void present(Object value, String setting) {
    that(value != null, "%s is required", setting);
  }

  static void port(int port, String setting) {
    that(port >= 0 && port <= 65535, "%s must be a port 1-65535 or 0 for automatic, was %d", setting, port);
  }

  static void positive(java.time.Duration value, String setting) {
    present(value, setting);
    that(!value.isNegative() && !value.isZero(), "%s must be positive, was %s", setting, value);
  }

  static void notBlank(String value, String setting) {
    that(value != null && !value.isBlank(), "%s is required", setting);
  }
}

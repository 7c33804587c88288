package br.prontuario.edge.ctl.install;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One long-running process of a host, as launchd and systemd both need it described.
 * {@link LaunchdPlist} and {@link SystemdUnit} turn it into their files.
 *
 * @param name short name: {@code br.prontuario.edge.NAME} (launchd), {@code prontuario-NAME} (systemd)
 * @param account the user it runs as; root only where the platform leaves no other way (HAProxy
 *     binding 443 on macOS, keepalived)
 * @param command absolute executable and its arguments
 * @param environment no secrets: those live in 0600 files the command names
 * @param writablePaths what it writes (systemd's {@code ReadWritePaths}; everything else is read-only)
 * @param restartAfterCleanExit launchd: {@code KeepAlive=true} when true, {@code SuccessfulExit=false}
 *     when a clean exit means someone stopped it on purpose (systemd restarts on failure only, always)
 * @param restartDelay launchd's {@code ThrottleInterval}, systemd's {@code RestartSec}
 * @param capabilities Linux capabilities it keeps (systemd), e.g. to bind port 443 without root
 * @param notifiesReady it tells systemd when it is ready ({@code Type=notify})
 * @param runtimeDirectory systemd's {@code RuntimeDirectory} below /run, or null
 */
record Service(String name, String description, String account, List<String> command,
    String workingDirectory, Map<String, String> environment, List<String> writablePaths,
    boolean restartAfterCleanExit, Duration restartDelay, List<String> capabilities,
    boolean notifiesReady, String runtimeDirectory) {

  Service {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    writablePaths = List.copyOf(writablePaths);
    capabilities = List.copyOf(capabilities);
    if (command.isEmpty() || !command.get(0).startsWith("/")) {
      throw new IllegalArgumentException(name + ": the executable must be an absolute path: " + command);
    }
    if (!workingDirectory.startsWith("/")) {
      throw new IllegalArgumentException(name + ": the working directory must be absolute: " + workingDirectory);
    }
  }

  /**
   * A service with the usual settings: restarted whenever it exits, 5 s apart, no environment,
   * capabilities or runtime directory; the builder changes what differs.
   */
  static Builder named(String name, String description) {
    return new Builder(name, description);
  }

  static final class Builder {
    private final String name;
    private final String description;
    private String account;
    private List<String> command = List.of();
    private String workingDirectory;
    private Map<String, String> environment = Map.of();
    private List<String> writablePaths = List.of();
    private boolean restartAfterCleanExit = true;
    private Duration restartDelay = Duration.ofSeconds(5);
    private List<String> capabilities = List.of();
    private boolean notifiesReady;
    private String runtimeDirectory;

    private Builder(String name, String description) {
      this.name = name;
      this.description = description;
    }

    Builder runs(String account, List<String> command) {
      this.account = account;
      this.command = command;
      return this;
    }

    Builder in(String workingDirectory, String... writablePaths) {
      this.workingDirectory = workingDirectory;
      this.writablePaths = List.of(writablePaths);
      return this;
    }

    Builder environment(Map<String, String> environment) {
      this.environment = environment;
      return this;
    }

    /** A clean exit is an intended stop: restart only after a failure. */
    Builder stoppedByCleanExit() {
      this.restartAfterCleanExit = false;
      return this;
    }

    Builder restartDelay(Duration delay) {
      this.restartDelay = delay;
      return this;
    }

    Builder capabilities(String... capabilities) {
      this.capabilities = List.of(capabilities);
      return this;
    }

    Builder notifiesReady() {
      this.notifiesReady = true;
      return this;
    }

    Builder runtimeDirectory(String dir) {
      this.runtimeDirectory = dir;
      return this;
    }

    Service build() {
      return new Service(name, description, account, command, workingDirectory, environment,
          writablePaths, restartAfterCleanExit, restartDelay, capabilities, notifiesReady, runtimeDirectory);
    }
  }
}

package br.prontuario.edge.ctl.install;

import java.util.List;

/** Commands the operator runs after the files are in place; install prints them, never runs them. */
record Step(String title, List<String> commands) {

  Step {
    commands = List.copyOf(commands);
  }

  static Step of(String title, String... commands) {
    return new Step(title, List.of(commands));
  }
}

package br.prontuario.edge.ctl.install;

import java.util.List;

/**
 * Everything {@code edgectl install} does for one role: the files it writes, the secret files the
 * operator must provide, what it leaves out and why, and the commands the operator runs next.
 */
record InstallPlan(Role role, List<PlannedFile> files, List<SecretFile> secrets, List<String> notes,
    List<Step> steps) {

  InstallPlan {
    files = List.copyOf(files);
    secrets = List.copyOf(secrets);
    notes = List.copyOf(notes);
    steps = List.copyOf(steps);
  }
}

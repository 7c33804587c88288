package br.prontuario.edge.ctl.install;

/**
 * A file the operator provides from the secret store before the services start: install never
 * writes one, it only names it and says whether it is there.
 *
 * @param owner the one account allowed to read it (mode 0600)
 * @param holds the settings it must contain
 */
record SecretFile(String path, String owner, String holds) {}

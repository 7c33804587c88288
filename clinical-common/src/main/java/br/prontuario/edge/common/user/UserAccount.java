package br.prontuario.edge.common.user;

import br.prontuario.edge.common.security.Role;

/** A stored login. */
record UserAccount(String username, Role role, String passwordHash, boolean enabled) {}

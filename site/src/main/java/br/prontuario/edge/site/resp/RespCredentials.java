package br.prontuario.edge.site.resp;

/**
 * A Redis or Sentinel ACL user ({@code AUTH username password}); {@link #NONE} for a server that
 * asks for none.
 */
public record RespCredentials(String username, String password) {

  public static final RespCredentials NONE = new RespCredentials("", "");

  public RespCredentials {
    username = username == null ? "" : username;
    password = password == null ? "" : password;
  }

  public boolean present() {
    return !password.isEmpty();
  }

  @Override
  public String toString() {
    return "RespCredentials[" + username + ", password hidden]";
  }
}

package br.prontuario.edge.common.user;

import br.prontuario.edge.common.security.JwtService;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Issues the same tokens as password login for a user another factor has already verified (face
 * login). Only enabled accounts get tokens.
 */
@Component
public class SessionTokens {

  /** The login answer plus the role the audit row needs. */
  public record Session(String username, String role, String accessToken, String refreshToken,
      long expiresIn) {}

  private final UserRepository users;
  private final RefreshTokens refreshTokens;
  private final JwtService jwt;

  SessionTokens(UserRepository users, RefreshTokens refreshTokens, JwtService jwt) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.jwt = jwt;
  }

  public Optional<Session> issueFor(String username) {
    return users.find(username).filter(UserAccount::enabled).map(account -> {
      JwtService.IssuedToken access = jwt.issue(account.username(), EnumSet.of(account.role()));
      return new Session(account.username(), account.role().claim(), access.token(),
          refreshTokens.issue(account.username()), access.expiresInSeconds());
    });
  }
}

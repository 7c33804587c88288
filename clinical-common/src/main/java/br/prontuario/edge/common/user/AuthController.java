package br.prontuario.edge.common.user;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.JwtService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Password login, refresh-token rotation and logout. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

  private static final String DUMMY_HASH = new PasswordHasher().hash("not-a-user".toCharArray());

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final RefreshTokens refreshTokens;
  private final JwtService jwt;
  private final AuditLog audit;

  AuthController(UserRepository users, PasswordHasher hasher, LoginThrottle throttle,
      RefreshTokens refreshTokens, JwtService jwt, AuditLog audit) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.refreshTokens = refreshTokens;
    this.jwt = jwt;
    this.audit = audit;
  }

  record LoginRequest(@NotBlank @Size(max = 64) String username,
      @NotBlank @Size(max = 1024) String password) {}

  record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {}

  record TokenResponse(String accessToken, String refreshToken, long expiresIn) {}

  @PostMapping("/login")
  TokenResponse login(@Valid @RequestBody LoginRequest login, HttpServletRequest request) {
    throttle.admit(request.getRemoteAddr(), login.username());
    UserAccount account = users.find(login.username()).orElse(null);
    String stored = account != null ? account.passwordHash() : DUMMY_HASH; // same cost either way
    boolean matches = hasher.matches(login.password().toCharArray(), stored);
    if (account == null || !matches || !account.enabled()) {
      throttle.recordFailure(login.username());
      throw ApiProblem.unauthorized("Wrong username or password.");
    }
    throttle.recordSuccess(account.username());
    audit.recordAs(account.username(), account.role().claim(), "auth.login", null, null, null,
        null);
    return tokens(account);
  }

  @PostMapping("/refresh")
  TokenResponse refresh(@Valid @RequestBody RefreshRequest body) {
    UserAccount account = refreshTokens.consume(body.refreshToken())
        .flatMap(users::find)
        .filter(UserAccount::enabled)
        .orElseThrow(() -> ApiProblem.unauthorized("The refresh token is invalid or used."));
    return tokens(account);
  }

  @PostMapping("/logout")
  ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest body) {
    refreshTokens.revoke(body.refreshToken());
    return ResponseEntity.noContent().build();
  }

  private TokenResponse tokens(UserAccount account) {
    JwtService.IssuedToken access = jwt.issue(account.username(), EnumSet.of(account.role()));
    return new TokenResponse(access.token(), refreshTokens.issue(account.username()),
        access.expiresInSeconds());
  }
}

package br.prontuario.edge.node.inference.face;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.user.LoginThrottle;
import br.prontuario.edge.common.user.SessionTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Face login. Enrolment needs a password session; {@code POST /api/v1/auth/face} answers with the
 * same tokens as password login, which always remains available.
 */
@RestController
class FaceController {

  private final FaceService faces;
  private final SessionTokens sessions;
  private final AuditLog audit;
  private final LoginThrottle throttle;

  FaceController(FaceService faces, SessionTokens sessions, AuditLog audit,
      LoginThrottle throttle) {
    this.faces = faces;
    this.sessions = sessions;
    this.audit = audit;
    this.throttle = throttle;
  }

  /** Photos are base64 JPEG/PNG images with exactly one face each; the server finds and aligns it. */
  record EnrolmentRequest(@NotEmpty @Size(max = 10) List<byte[]> photos) {}

  record FaceLoginRequest(@NotBlank @Size(max = 64) String username, byte[] photo) {}

  record Enrolment(boolean enrolled, int embeddings) {}

  record TokenResponse(String accessToken, String refreshToken, long expiresIn) {}

  @PostMapping("/api/v1/auth/face/enrolment")
  ResponseEntity<Enrolment> enrol(@Valid @RequestBody EnrolmentRequest body) {
    ClinicalPrincipal me = ClinicalPrincipal.require();
    int stored = faces.enrol(me.username(), body.photos());
    audit.record("face.enrol", null, me.username(), null, null);
    return ResponseEntity.status(HttpStatus.CREATED).body(new Enrolment(true, stored));
  }

  @GetMapping("/api/v1/auth/face/enrolment")
  Enrolment enrolment() {
    int count = faces.enrolledCount(ClinicalPrincipal.require().username());
    return new Enrolment(count > 0, count);
  }

  /** LGPD art. 11: the holder deletes their biometric data at will. */
  @DeleteMapping("/api/v1/auth/face/enrolment")
  ResponseEntity<Void> forget() {
    ClinicalPrincipal me = ClinicalPrincipal.require();
    faces.forget(me.username());
    audit.record("face.forget", null, me.username(), null, null);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/auth/face")
  TokenResponse login(@Valid @RequestBody FaceLoginRequest body, HttpServletRequest request) {
    // the same Redis-backed throttle and lockout as password login, shared by both nodes
    throttle.admit(request.getRemoteAddr(), body.username());
    FaceVerification outcome = faces.verify(body.username(), body.photo());
    if (!(outcome instanceof FaceVerification.Match)) {
      throttle.recordFailure(body.username());
      // same answer for unknown user, no enrolment and no match: nothing to probe
      throw ApiProblem.unauthorized("The face was not recognised; use password login.");
    }
    throttle.recordSuccess(body.username());
    SessionTokens.Session session = sessions.issueFor(body.username())
        .orElseThrow(() -> ApiProblem.unauthorized("The face was not recognised; use password login."));
    audit.recordAs(session.username(), session.role(), "auth.face-login", null, null, null, null);
    return new TokenResponse(session.accessToken(), session.refreshToken(), session.expiresIn());
  }
}

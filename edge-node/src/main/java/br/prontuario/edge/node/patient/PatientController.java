package br.prontuario.edge.node.patient;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.common.web.Cursor;
import br.prontuario.edge.common.web.Page;
import br.prontuario.edge.node.events.ClinicalEvents;
import br.prontuario.edge.node.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients")
@Validated
class PatientController {

  private final PatientRepository patients;
  private final AuditLog audit;
  private final ClinicalEvents events;
  private final Clock clock;

  PatientController(PatientRepository patients, AuditLog audit, ClinicalEvents events,
      Clock clock) {
    this.patients = patients;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<Patient> create(@Valid @RequestBody PatientRequest request) {
    ClinicalPrincipal caller = ClinicalPrincipal.require();
    UUID id = UUID.randomUUID();
    if (!patients.insert(id, request, caller.username(), now())) {
      throw ApiProblem.conflict("A patient with this CPF or CNS already exists.");
    }
    Patient created = patients.find(id).orElseThrow();
    audit.record("patient.create", id, id.toString(), null, created);
    events.publish("patient.created", id, id.toString());
    return ResponseEntity.created(URI.create("/api/v1/patients/" + id))
        .eTag(ETags.of(created.version())).body(created);
  }

  @GetMapping("/{id}")
  ResponseEntity<Patient> read(@PathVariable UUID id) {
    Patient patient = patients.find(id).orElseThrow(() -> ApiProblem.notFound("The patient"));
    audit.record("patient.read", id, id.toString(), null, null);
    return ResponseEntity.ok().eTag(ETags.of(patient.version())).body(visible(patient, false));
  }

  @PutMapping("/{id}")
  ResponseEntity<Patient> correct(@PathVariable UUID id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody PatientRequest request) {
    String expected = ETags.required(ifMatch);
    Patient before = patients.find(id).orElseThrow(() -> ApiProblem.notFound("The patient"));
    if (!expected.equals(Integer.toString(before.version()))
        || !patients.update(id, before.version(), request, caller(), now())) {
      throw ApiProblem.preconditionFailed();
    }
    Patient after = patients.find(id).orElseThrow();
    audit.record("patient.correct", id, id.toString(), before, after);
    events.publish("patient.corrected", id, id.toString());
    return ResponseEntity.ok().eTag(ETags.of(after.version())).body(after);
  }

  @GetMapping("/{id}/history")
  List<Patient> history(@PathVariable UUID id) {
    if (!patients.exists(id)) {
      throw ApiProblem.notFound("The patient");
    }
    audit.record("patient.history", id, id.toString(), null, null);
    return patients.history(id).stream().map(p -> visible(p, false)).toList();
  }

  @GetMapping
  Page<Patient> search(@RequestParam(required = false) String name,
      @RequestParam(required = false) String cpf, @RequestParam(required = false) String cns,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    int criteria = (name != null ? 1 : 0) + (cpf != null ? 1 : 0) + (cns != null ? 1 : 0);
    if (criteria != 1) {
      throw ApiProblem.badRequest("Search by exactly one of name, cpf or cns.");
    }
    Page<Patient> page;
    if (name != null) {
      if (NameKey.of(name).length() < 2 || !name.matches(PatientRequest.NAME.replace("{2,200}", "{1,200}"))) {
        throw ApiProblem.badRequest("name must be a prefix of at least 2 letters.");
      }
      page = Page.of(patients.byNamePrefix(name, Cursor.decode(cursor), limit), limit,
          p -> new Cursor(NameKey.of(p.name()), p.id()));
    } else if (cpf != null) {
      requireValid(Cpf.isValid(cpf), "cpf");
      page = new Page<>(patients.byIdentifier("cpf", cpf), null);
    } else {
      requireValid(Cns.isValid(cns), "cns");
      page = new Page<>(patients.byIdentifier("cns", cns), null);
    }
    audit.record("patient.search", null, null, null, null);
    return page.map(p -> visible(p, true));
  }

  /** LGPD: lists show CPF only to registration (admin); single reads hide it from auditors. */
  private static Patient visible(Patient patient, boolean inList) {
    ClinicalPrincipal caller = ClinicalPrincipal.require();
    boolean needsCpf = inList
        ? caller.has(Role.ADMIN)
        : caller.has(Role.PHYSICIAN) || caller.has(Role.NURSE) || caller.has(Role.ADMIN);
    return needsCpf ? patient : patient.withCpfMasked();
  }

  private static void requireValid(boolean valid, String field) {
    if (!valid) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request",
          field + " has invalid check digits.");
    }
  }

  private static String caller() {
    return ClinicalPrincipal.require().username();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}

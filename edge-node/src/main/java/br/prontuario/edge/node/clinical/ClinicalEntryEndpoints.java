package br.prontuario.edge.node.clinical;

import br.prontuario.edge.common.web.Page;
import br.prontuario.edge.node.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The five endpoints every versioned clinical record has: record (POST), list, read, history and
 * correct (PUT with If-Match). Subclasses fix the kind and the request body type.
 */
abstract class ClinicalEntryEndpoints<T> {

  private final EntryKind kind;
  protected final ClinicalEntries entries;

  ClinicalEntryEndpoints(EntryKind kind, ClinicalEntries entries) {
    this.kind = kind;
    this.entries = entries;
  }

  /** Hook for follow-up records in the same transaction (e.g. an alert for a severe allergy). */
  void afterRecord(UUID patientId, T body) {}

  @PostMapping
  ResponseEntity<ClinicalEntry> record(@PathVariable UUID patientId,
      @Valid @RequestBody T body) {
    ClinicalEntry entry = entries.record(kind, patientId, body);
    afterRecord(patientId, body);
    return ResponseEntity.created(URI.create(
            "/api/v1/patients/" + patientId + "/" + kind.segment() + "/" + entry.id()))
        .eTag(ETags.of(entry.id())).body(entry);
  }

  @GetMapping
  Page<ClinicalEntry> list(@PathVariable UUID patientId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return entries.list(kind, patientId, cursor, limit);
  }

  @GetMapping("/{id}")
  ResponseEntity<ClinicalEntry> read(@PathVariable UUID patientId, @PathVariable UUID id) {
    ClinicalEntry entry = entries.read(kind, patientId, id);
    return ResponseEntity.ok().eTag(ETags.of(entry.id())).body(entry);
  }

  @GetMapping("/{id}/history")
  List<ClinicalEntry> history(@PathVariable UUID patientId, @PathVariable UUID id) {
    return entries.history(kind, patientId, id);
  }

  @PutMapping("/{id}")
  ResponseEntity<ClinicalEntry> correct(@PathVariable UUID patientId, @PathVariable UUID id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody T body) {
    ClinicalEntry entry = entries.correct(kind, patientId, id, ifMatch, body);
    return ResponseEntity.ok().eTag(ETags.of(entry.id())).body(entry);
  }
}

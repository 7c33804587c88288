package br.prontuario.edge.node.inference.chat;

import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.inference.model.InferenceGate;
import br.prontuario.edge.node.inference.model.ModelRegistry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a chat context from a patient's current record: allergies, problem list, recent
 * prescriptions (the medication list) and recent notes. Each section is read only when the
 * caller's role may read it through the records API, so the model never sees more than the caller.
 * Reads current versions only (rows no correction replaced). When the optional "retrieval" model
 * is loaded, the notes are the ones most similar to the question among the latest
 * {@value #CANDIDATES}; otherwise simply the latest.
 */
@Component
class PatientContextReader {

  private static final Set<Role> CLINICAL_READERS = EnumSet.of(Role.PHYSICIAN, Role.NURSE, Role.AUDITOR);
  private static final int NOTE_CHARS = 1500;
  static final int CANDIDATES = 30;

  private final JdbcClient jdbc;
  private final ChatProperties properties;
  private final ModelRegistry registry;
  private final InferenceGate gate;

  PatientContextReader(JdbcClient jdbc, ChatProperties properties, ModelRegistry registry, InferenceGate gate) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.registry = registry;
    this.gate = gate;
  }

  boolean patientExists(UUID patientId) {
    return jdbc.sql("SELECT count(*) FROM patients WHERE id = ?").param(patientId).query(Integer.class).single() > 0;
  }

  PatientContext read(UUID patientId, ClinicalPrincipal caller, String question) {
    if (caller.roles().stream().noneMatch(CLINICAL_READERS::contains)) {
      return new PatientContext(patientId, "", List.of());
    }
    StringBuilder text = new StringBuilder();
    section(text, "Alergias", entries(patientId, "allergies",
        "coalesce(data->>'substance','') || ' (' || coalesce(data->>'severity','') || coalesce(', ' || (data->>'reaction'), '') || ', ' || coalesce(data->>'status','') || ')'"));
    section(text, "Problemas", entries(patientId, "problems",
        "coalesce(data->>'description','') || coalesce(' [CID ' || (data->>'cid10') || ']', '') || ' (' || coalesce(data->>'status','') || ')'"));
    List<PatientContext.ContextNote> sources = new ArrayList<>();
    List<Note> prescriptions = notes(patientId, "AND type = 'prescricao'", 3);
    section(text, "Medicações (prescrições recentes)", prescriptions.stream().map(Note::cited).toList());
    List<Note> recent = relevant(notes(patientId, "AND type <> 'prescricao'", CANDIDATES), question);
    section(text, "Notas", recent.stream().map(Note::cited).toList());
    prescriptions.forEach(n -> sources.add(new PatientContext.ContextNote(n.id(), n.body())));
    recent.forEach(n -> sources.add(new PatientContext.ContextNote(n.id(), n.body())));
    return new PatientContext(patientId, text.toString().strip(), List.copyOf(sources));
  }

  private List<Note> relevant(List<Note> candidates, String question) {
    int wanted = properties.recentNotes();
    if (candidates.size() <= wanted || question == null || question.isBlank()
        || !registry.status(RetrievalModelLoader.NAME).loaded()) {
      return candidates.subList(0, Math.min(wanted, candidates.size()));
    }
    NoteRanker ranker = registry.require(RetrievalModelLoader.NAME, NoteRanker.class);
    List<String> texts = candidates.stream().map(Note::body).toList();
    List<Integer> ranked = gate.call(RetrievalModelLoader.NAME, () -> ranker.rank(question, texts, wanted));
    return ranked.stream().map(candidates::get).toList();
  }

  private List<String> entries(UUID patientId, String kind, String label) {
    return jdbc.sql("SELECT " + label + " FROM clinical_entries e WHERE patient_id = ? AND kind = ?"
            + " AND NOT EXISTS (SELECT 1 FROM clinical_entries c WHERE c.replaces_id = e.id)"
            + " ORDER BY recorded_at DESC LIMIT 50")
        .params(patientId, kind)
        .query(String.class)
        .list();
  }

  private List<Note> notes(UUID patientId, String filter, int limit) {
    return jdbc.sql("SELECT id, type, text, recorded_at FROM notes n WHERE patient_id = ? " + filter
            + " AND NOT EXISTS (SELECT 1 FROM notes c WHERE c.replaces_id = n.id)"
            + " ORDER BY recorded_at DESC, id DESC LIMIT ?")
        .params(patientId, limit)
        .query((rs, row) -> new Note(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class)))
        .list();
  }

  private static void section(StringBuilder text, String title, List<String> lines) {
    text.append(title).append(":\n");
    if (lines.isEmpty()) {
      text.append("- nenhum registro\n");
    }
    lines.forEach(line -> text.append("- ").append(line).append('\n'));
  }

  private record Note(UUID id, String type, String text, OffsetDateTime recordedAt) {
    String body() {
      return text.length() > NOTE_CHARS ? text.substring(0, NOTE_CHARS) + "…" : text;
    }

    String cited() {
      return "[nota " + id + "] " + recordedAt.toLocalDate() + " " + type + ": " + body().replace('\n', ' ');
    }
  }
}

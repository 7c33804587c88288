package br.prontuario.edge.cloud.note;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.cloud.support.CloudFallbackTest;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EmergencyNoteListIT extends CloudFallbackTest {

  private UUID patient;

  @BeforeEach
  void patient() {
    patient = fixtures.patient("Iracema " + UUID.randomUUID().toString().substring(0, 8), cpf());
  }

  @Test
  void pagesWalkEveryCurrentNoteOnceNewestFirstEvenAcrossATimeTie() {
    OffsetDateTime t = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    UUID oldest = fixtures.note(patient, "anamnese", "1", t.minusMinutes(5));
    UUID older = fixtures.note(patient, "evolucao", "2", t.minusMinutes(4));
    UUID tieA = fixtures.note(patient, "evolucao", "3", t.minusMinutes(3));
    UUID tieB = fixtures.note(patient, "enfermagem", "4", t.minusMinutes(3));
    UUID newest = fixtures.note(patient, "prescricao", "5", t.minusMinutes(1));
    // the tie is broken by id, in PostgreSQL's uuid order
    List<UUID> tie = jdbc.queryForList("SELECT id FROM notes WHERE id IN (?, ?) ORDER BY id DESC",
        UUID.class, tieA, tieB);

    List<List<String>> pages = new ArrayList<>();
    String cursor = null;
    do {
      TestHttp.Reply reply = http.get(notes() + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
          token(Role.NURSE));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      pages.add(reply.json().get("items").findValuesAsString("id"));
      cursor = reply.json().get("nextCursor").isNull() ? null : reply.json().get("nextCursor").asString();
    } while (cursor != null && pages.size() < 10);

    assertThat(pages).extracting(List::size).containsExactly(2, 2, 1);
    assertThat(pages.stream().flatMap(List::stream).toList()).containsExactly(
        newest.toString(), tie.get(0).toString(), tie.get(1).toString(), older.toString(),
        oldest.toString());
  }

  @Test
  void listsTheCurrentVersionOfEdgeAndCloudNotesWithTheirOrigin() {
    UUID replaced = fixtures.note(patient, "evolucao", "PA 12x8");
    UUID correction = fixtures.correctNote(replaced, "PA 14x9");
    TestHttp.Reply written = http.post(notes(), token(Role.PHYSICIAN),
        Map.of("type", "evolucao", "text", "Sem dor"));
    assertThat(written.status()).isEqualTo(201);
    String cloudNote = written.json().get("note").get("id").asString();

    JsonNode page = http.get(notes(), token(Role.PHYSICIAN)).json();
    assertThat(page.get("mode").asString()).isEqualTo("emergency");
    assertThat(page.get("nextCursor").isNull()).isTrue();
    assertThat(page.get("items").findValuesAsString("id"))
        .containsExactly(cloudNote, correction.toString());
    assertThat(page.get("items").findValuesAsString("origin")).containsExactly("cloud", "edge");
    assertThat(page.get("items").findValuesAsString("text")).containsExactly("Sem dor", "PA 14x9");
  }

  @Test
  void anUnknownPatientIs404() {
    TestHttp.Reply reply = http.get("/api/v1/patients/" + UUID.randomUUID() + "/notes",
        token(Role.NURSE));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.isProblem()).isTrue();
    assertThat(reply.json().get("title").asString()).isEqualTo("Not found");
  }

  @Test
  void limitsOutOfRangeAndForeignCursorsAre400Problems() {
    fixtures.note(patient, "evolucao", "x");
    String timeless = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("Ana\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    for (String query : List.of("limit=0", "limit=201", "limit=abc", "cursor=garbage",
        "cursor=" + timeless)) {
      TestHttp.Reply reply = http.get(notes() + "?" + query, token(Role.PHYSICIAN));
      assertThat(reply.status()).as(query).isEqualTo(400);
      assertThat(reply.isProblem()).as(query).isTrue();
    }
    assertThat(http.get(notes() + "?limit=200", token(Role.PHYSICIAN)).status()).isEqualTo(200);
  }

  @Test
  void onlyPhysiciansAndNursesListNotes() {
    for (Role role : List.of(Role.ADMIN, Role.IT_OPS, Role.AUDITOR)) {
      TestHttp.Reply reply = http.get(notes(), token(role));
      assertThat(reply.status()).as(role.name()).isEqualTo(403);
      assertThat(reply.isProblem()).as(role.name()).isTrue();
    }
    assertThat(http.get(notes(), null).status()).isEqualTo(401);
    assertThat(http.get(notes(), token(Role.PHYSICIAN)).status()).isEqualTo(200);
  }

  @Test
  void eachListingIsOneAuditedReadInEmergencyMode() {
    long before = jdbc.queryForObject("SELECT coalesce(max(seq), 0) FROM audit_log", Long.class);
    TestHttp.Reply reply = http.get(notes(), token(Role.NURSE));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("X-Service-Mode")).isEqualTo("emergency");
    assertThat(jdbc.queryForList("SELECT action || ' ' || patient_id FROM audit_log WHERE seq > ?"
        + " ORDER BY seq", String.class, before))
        .containsExactly("emergency.note.list " + patient);
  }

  private String notes() {
    return "/api/v1/patients/" + patient + "/notes";
  }
}

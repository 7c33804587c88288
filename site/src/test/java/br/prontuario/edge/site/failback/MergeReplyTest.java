package br.prontuario.edge.site.failback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** cloud-fallback's merge answers, in the shape its MergeReport serialises to. */
class MergeReplyTest {

  static final String FIRST = """
      {"forkId":"6f1c2a9e-8a8b-4c47-9d55-2b7e4f7c3d10","forkAuditSeq":12,
       "notes":["0b0c6f55-4b8e-4a35-9f63-0e5b7a1d2c3e"],
       "entries":[{"id":"5a0e3c3c-1f1e-4b7a-8f36-5d8a2c1b9e07","kind":"alert","rebased":false}],
       "auditEvents":3,"alreadyMerged":0}
      """;
  static final String REPEATED = """
      {"forkId":"6f1c2a9e-8a8b-4c47-9d55-2b7e4f7c3d10","forkAuditSeq":12,"notes":[],"entries":[],
       "auditEvents":0,"alreadyMerged":2}
      """;

  @Test
  void aMergeCarriesItsForkIdAndCountsWithoutRecordIdsInItsDetail() {
    MergeReply reply = MergeReply.of(200, FIRST);

    assertThat(reply).isInstanceOf(MergeReply.Merged.class);
    MergeReport report = ((MergeReply.Merged) reply).report();
    assertThat(report.forkId()).isEqualTo("6f1c2a9e-8a8b-4c47-9d55-2b7e4f7c3d10");
    assertThat(report.nothingNew()).isFalse();
    assertThat(reply.ok()).isTrue();
    assertThat(reply.detail()).isEqualTo("merged: 1 notes, 1 entries, 3 audit events")
        .doesNotContain("0b0c6f55");
  }

  @Test
  void aRepeatedMergeHasNothingNew() {
    MergeReply reply = MergeReply.of(200, REPEATED);

    assertThat(((MergeReply.Merged) reply).report().nothingNew()).isTrue();
  }

  @Test
  void aRefusalNamesTheStatusAndTheProblemTitle() {
    MergeReply reply = MergeReply.of(409, "{\"title\":\"Edge unreachable\",\"status\":409}");

    assertThat(reply.ok()).isFalse();
    assertThat(reply.detail()).isEqualTo("cloud-fallback answered 409 (Edge unreachable)");
  }

  @Test
  void aTwoHundredThatIsNotAReportIsNotAMerge() {
    MergeReply reply = MergeReply.of(200, "<html>proxy</html>");

    assertThat(reply.ok()).isFalse();
    assertThat(reply.detail()).contains("report unreadable");
  }

  @Test
  void withoutACloudAppThereIsNothingToMergeAndFailbackGoesOn() {
    assertThat(CloudMerge.NONE.merge()).isInstanceOf(MergeReply.NotConfigured.class)
        .satisfies(r -> assertThat(r.ok()).isTrue());
  }
}

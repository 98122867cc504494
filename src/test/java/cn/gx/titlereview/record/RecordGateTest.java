package cn.gx.titlereview.record;

import static cn.gx.titlereview.support.TestData.context;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.record.RecordForm.SignatureView;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RecordGateTest {

  @Autowired TestData data;
  @Autowired GateResultRepository gateResults;
  @Autowired RecordGate gate;
  @Autowired RecordService records;
  @Autowired PublicityRepository publicity;
  @Autowired SignatureRepository signatures;

  @Test
  void holdsWhenEveryEarlierGatesLatestResultIsAPass() {
    ReviewSession session = data.session("正高");
    RecordGate.REQUIRED.keySet().forEach(key -> pass(session, key));
    assertThat(gate.check(context(session))).isEmpty();
  }

  @Test
  void aLaterFailureOverridesAnEarlierPassAndAMissingGateIsNamed() {
    ReviewSession session = data.session("正高");
    RecordGate.REQUIRED.keySet().stream().filter(k -> !k.equals("archive")).forEach(key -> pass(session, key));
    gateResults.record(session.id(), "review", "合规检查：封闭评审", List.of(new Violation("集体表决", "申报人 SB01", "没有表决结果")),
        "v1", Instant.now(), "staff1", null);
    assertThat(gate.check(context(session))).extracting(Violation::subject, Violation::finding).containsExactly(
        org.assertj.core.groups.Tuple.tuple("合规检查：封闭评审", "最近一次检查未通过（1 项问题）"),
        org.assertj.core.groups.Tuple.tuple("合规检查：归档", "从未执行"));
  }

  @Test
  void theRecordsHashChangesWhenAFactChangesSoASignatureNoLongerMatches() {
    ReviewSession session = data.session("正高");
    RecordGate.REQUIRED.keySet().forEach(key -> pass(session, key));
    String signed = records.hash(session);
    assertThat(signed).startsWith("sm3:").hasSize(68);
    assertThat(records.hash(session)).isEqualTo(signed);
    publicity.addComplaint(session.id(), 2, "信件", "SB01", "公示结束后收到的举报", "staff1", Instant.now());
    assertThat(records.hash(session)).isNotEqualTo(signed);
  }

  /**
   * A signature made before SM3 became the default bound a bare SHA-256 of the record: it still binds the unchanged
   * record, checked as SHA-256, and no longer once a fact changes.
   */
  @Test
  void aSignatureMadeUnderSha256BeforeTheChangeStillBindsTheUnchangedRecord() {
    ReviewSession session = data.session("正高");
    RecordGate.REQUIRED.keySet().forEach(key -> pass(session, key));
    String earlier = ImportFile.sha256(records.current(session).bytes());
    signatures.add(session.id(), SignRecordListener.SUPERVISOR, "supervisor1", Instant.now(), earlier);
    assertThat(records.form(session).signatures()).singleElement().extracting(SignatureView::valid).isEqualTo(true);
    publicity.addComplaint(session.id(), 2, "信件", "SB01", "公示结束后收到的举报", "staff1", Instant.now());
    assertThat(records.form(session).signatures()).singleElement().extracting(SignatureView::valid).isEqualTo(false);
  }

  private void pass(ReviewSession session, String key) {
    gateResults.record(session.id(), key, key, List.of(), "v1", Instant.now(), "staff1", null);
  }
}

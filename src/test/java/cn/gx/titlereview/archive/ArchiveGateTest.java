package cn.gx.titlereview.archive;

import static cn.gx.titlereview.support.TestData.context;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ArchiveGateTest {

  @Autowired TestData data;
  @Autowired ArchiveRepository archive;
  @Autowired ArchiveGate gate;

  @Test
  void failsNamingEachItemWithoutAFileAndHoldsOnceAllFiveExist() {
    ReviewSession session = data.session("中级");
    upload(session, ArchiveItem.REVIEW_DATA);
    upload(session, ArchiveItem.RESULT_AND_VOTE_TABLES);
    upload(session, ArchiveItem.RECORD_SHEETS);
    assertThat(gate.check(context(session))).extracting(Violation::subject)
        .containsExactly("举报件及核实情况（扫描）", "会议记录");
    upload(session, ArchiveItem.COMPLAINTS);
    upload(session, ArchiveItem.MINUTES);
    assertThat(gate.check(context(session))).isEmpty();
  }

  private void upload(ReviewSession session, ArchiveItem item) {
    byte[] content = ("%PDF-1.4 " + item).getBytes();
    archive.add(session.id(), item, item + ".pdf", "application/pdf", content, "x".repeat(64), "staff1",
        Instant.now());
  }
}

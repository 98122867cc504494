package cn.gx.titlereview.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 「公示期间收到信访件数量（0）件，已核查（0）件」 says why it is 0: the rounds ran, with their channels, and none came. */
@IntegrationTest
class ComplaintCountEvidenceTest {

  static final String ITEM = "公示期间收到信访件数量（）件，已核查（）件";

  @Autowired TestData data;
  @Autowired PublicityRepository publicity;
  @Autowired RecordService records;

  @Test
  void noComplaintIsEvidencedByTheRoundsAndTheirChannels() {
    ReviewSession session = data.session("正高");
    assertThat(records.form(session).item(ITEM).orElseThrow().answer()).isEqualTo("未完成");
    publicity.saveRound(session.id(), new PublicityRound(1, LocalDate.of(2026, 6, 8), LocalDate.of(2026, 6, 12),
        "电话 0771-0000000", "staff1"), Instant.now());
    RecordForm.Item none = records.form(session).item(ITEM).orElseThrow();
    assertThat(none.line()).endsWith("公示期间收到信访件数量（0）件，已核查（0）件");
    assertThat(none.evidence()).contains("公示期间未收到信访件", "第1次（2026-06-08 至 2026-06-12）电话 0771-0000000");

    long id = publicity.addComplaint(session.id(), 1, "信件", "SB01", "反映业绩造假", "staff1", Instant.now());
    RecordForm.Item one = records.form(session).item(ITEM).orElseThrow();
    assertThat(one.answer()).isEqualTo("1/0");
    assertThat(one.evidence()).contains("信访件 " + id + "（信件，", "：未核查");
  }
}

package cn.gx.titlereview.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.document.OfficialDocx;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Documents;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 附件1 as Word and as PDF, read back: A4 with GB/T 9704 margins, the fonts, every item in order, the signers' names. */
@IntegrationTest
class RecordDocumentsTest {

  @Autowired SessionFixture fixture;
  @Autowired RecordService records;
  @Autowired RecordDocx docx;
  @Autowired RecordPdf pdf;
  @Autowired SignatureRepository signatures;

  RecordForm form;

  /** A session with votes, signed by the unit head and the supervisor. */
  @BeforeEach
  void signedSession() {
    ReviewSession session = fixture.sessionWithVotes();
    String hash = records.hash(session);
    signatures.add(session.id(), SignRecordListener.UNIT_HEAD, "unithead1", Instant.parse("2026-03-20T02:00:00Z"), hash);
    signatures.add(session.id(), SignRecordListener.SUPERVISOR, "supervisor1", Instant.parse("2026-03-20T03:00:00Z"),
        hash);
    form = records.form(session);
  }

  @Test
  void theWordRecordIsAnA4OfficialDocumentWithEveryItemAndTheSignersNames() {
    byte[] bytes = docx.write(form);
    Documents.keep("record-fixture.docx", bytes);
    Documents.Word word = Documents.word(bytes);

    assertThat(word.pageWidth()).isEqualTo(11906);
    assertThat(word.pageHeight()).isEqualTo(16838);
    assertThat(List.of(word.top(), word.bottom(), word.left(), word.right())).containsExactly(2098L, 1984L, 1588L,
        1474L);
    assertThat(word.eastAsiaFonts()).contains(OfficialDocx.HEITI, OfficialDocx.SONGTI);
    assertThat(word.footer()).contains("第 ", " 页 共 ", "PAGE", "NUMPAGES");
    Documents.assertItemsInOrder(word.text(), form);
    assertThat(word.text()).contains("姓名：陈静", "姓名：赵强", "（盖章）", "日期：")
        .doesNotContain("supervisor1 于");
  }

  @Test
  void thePdfRecordHasEveryItemAndTheSignersNames() {
    byte[] bytes = pdf.write(form);
    Documents.keep("record-fixture.pdf", bytes);
    Documents.keep("record-fixture.html", pdf.html(form).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Documents.Pdf read = Documents.pdf(bytes);

    assertThat(read.width()).isEqualTo(595.27563f, org.assertj.core.data.Offset.offset(1f));
    assertThat(read.height()).isEqualTo(841.8898f, org.assertj.core.data.Offset.offset(1f));
    assertThat(read.pages()).isBetween(1, 3);
    String text = read.text().replaceAll("\\s+", "");
    Documents.assertItemsInOrder(text, form);
    assertThat(text).contains("姓名：陈静", "姓名：赵强", "第1页共" + read.pages() + "页");
  }
}

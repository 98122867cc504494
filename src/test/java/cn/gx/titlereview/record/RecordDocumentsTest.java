package cn.gx.titlereview.record;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.platform.document.OfficialDocx;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Documents;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import java.time.Instant;
import java.util.List;
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

  @Test
  void theWordRecordIsAnA4OfficialDocumentWithEveryItemAndTheSignersNames() {
    ReviewSession session = signed(fixture.sessionWithVotes());
    RecordForm form = records.form(session);
    byte[] bytes = docx.write(form);
    Documents.keep("record-fixture.docx", bytes);
    Documents.Word word = Documents.word(bytes);

    assertThat(word.pageWidth()).isEqualTo(11906);
    assertThat(word.pageHeight()).isEqualTo(16838);
    assertThat(List.of(word.top(), word.bottom(), word.left(), word.right())).containsExactly(2098L, 1984L, 1588L,
        1474L);
    assertThat(word.eastAsiaFonts()).contains(OfficialDocx.HEITI, OfficialDocx.SONGTI);
    assertThat(word.footer()).contains("第 ", " 页 共 ", "PAGE", "NUMPAGES");
    assertInOrder(word.text(), form);
    assertThat(word.text()).contains("姓名：陈负责人", "姓名：赵监督员", "（盖章）", "日期：")
        .doesNotContain("supervisor1 于");
  }

  @Test
  void thePdfRecordHasEveryItemAndTheSignersNames() {
    ReviewSession session = signed(fixture.sessionWithVotes());
    RecordForm form = records.form(session);
    byte[] bytes = pdf.write(form);
    Documents.keep("record-fixture.pdf", bytes);
    Documents.keep("record-fixture.html", pdf.html(form).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Documents.Pdf read = Documents.pdf(bytes);

    assertThat(read.width()).isEqualTo(595.27563f, org.assertj.core.data.Offset.offset(1f));
    assertThat(read.height()).isEqualTo(841.8898f, org.assertj.core.data.Offset.offset(1f));
    assertThat(read.pages()).isBetween(1, 3);
    String text = read.text().replaceAll("\\s+", "");
    assertInOrder(text, form);
    assertThat(text).contains("姓名：陈负责人", "姓名：赵监督员", "第1页共" + read.pages() + "页");
  }

  private ReviewSession signed(ReviewSession session) {
    String hash = records.sha256(session);
    signatures.add(session.id(), SignRecordListener.UNIT_HEAD, "unithead1", Instant.parse("2026-03-20T02:00:00Z"), hash);
    signatures.add(session.id(), SignRecordListener.SUPERVISOR, "supervisor1", Instant.parse("2026-03-20T03:00:00Z"),
        hash);
    return session;
  }

  /** Every item's printed line, in the form's order (white space aside, as a PDF's text extraction breaks lines). */
  static void assertInOrder(String text, RecordForm form) {
    String flat = text.replaceAll("\\s+", "");
    int at = 0;
    int count = 0;
    for (RecordForm.Section section : form.sections()) {
      for (RecordForm.Group group : section.groups()) {
        for (RecordForm.Item item : group.items()) {
          int found = flat.indexOf(item.line().replaceAll("\\s+", ""), at);
          assertThat(found).as("item %s after position %d", item.line(), at).isGreaterThanOrEqualTo(0);
          at = found;
          count++;
        }
      }
    }
    assertThat(count).isEqualTo(36);
  }
}

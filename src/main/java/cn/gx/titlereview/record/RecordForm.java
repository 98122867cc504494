package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.Answer;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The record form (附件1) of one session as it stands: every item answered from data, with its evidence; for a
 * session under an adjusted form, its version and what it changes from the default ({@code adjustments}); and, outside
 * the signed content, the inspections of the session with their outcomes and corrections, the fingerprint of the key
 * that signs its archive package, and what followed the signing (spot-checks, the approving unit's confirmation) —
 * null, and left out of the JSON, in the content a signature binds, so that earlier signatures still bind it.
 * {@code sha256} keeps its name for the same reason (it is in the signed JSON, as null): its value is the content's
 * hash named by its algorithm, {@code sm3:…} under the {@code gm} profile.
 */
public record RecordForm(String title, String version, List<String> adjustments, ReviewSession session, Basics basics,
    List<Section> sections, List<String> notes, Pledges pledges, List<SignatureView> signatures, String sha256,
    List<String> inspections, @JsonInclude(JsonInclude.Include.NON_NULL) String archiveKeyFingerprint,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> afterSigning) {

  /** 评审基本情况. Rates are null (shown as 未完成) before there is anything to divide by. */
  public record Basics(int applicants, Integer passed, String passRate, String passRatePublicInstitutions,
      String passRateEnterprises, Long recheckProblems) {
  }

  public record Section(String title, List<Group> groups) {
  }

  public record Group(String title, List<Item> items) {
  }

  /**
   * One item: {@code text} in the seed's wording; {@code line} as printed, with the answer in the item's blanks
   * ("收到信访件数量（2）件") or in brackets after it ("是否随机抽取（是）").
   */
  public record Item(int number, String text, String answer, String evidence, boolean attested, String line) {

    static Item of(int number, String text, Answer answer, boolean attested) {
      String shown = answer.shown();
      String line;
      String[] parts = shown.split("/");
      if (answer.value() != null && text.contains("（）") && text.split("（）", -1).length - 1 == parts.length) {
        line = text;
        for (String part : parts) {
          line = line.replaceFirst("（）", "（" + part + "）");
        }
      } else {
        line = text + "（" + shown + "）";
      }
      return new Item(number, text, shown, answer.evidence(), attested, number + "." + line);
    }
  }

  /**
   * Who signed 附件3 (staff, by account) and 附件2 (experts, by code only: their names are confidential); for each
   * expert's 附件2, how: confirmed himself through his link (with the SHA-256 of the text and the time) or signed on
   * paper and recorded by staff (with the scan's SHA-256 where there is one).
   */
  public record Pledges(List<String> staffSigned, List<String> staffNotSigned, int expertsAttending,
      int expertsSigned, int expertsWithScan, List<String> expertsNotSigned,
      // Only for sessions whose experts had links: an older record's content, which signatures bind, has neither.
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) int expertsOnline,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> experts) {
  }

  public record SignatureView(String role, String title, String signedBy, Instant signedAt, boolean valid) {

    /** The signing date as the form prints it, e.g. 2026年12月15日. */
    public String date() {
      return DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(PlatformConfig.ZONE).format(signedAt);
    }
  }

  /** The item in this wording, wherever it stands on the form. */
  public java.util.Optional<Item> item(String text) {
    return sections.stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.items().stream())
        .filter(i -> i.text().equals(text)).findFirst();
  }

  /** The signature in force for a role: its latest, or null before anyone signed. */
  public SignatureView signature(String role) {
    SignatureView latest = null;
    for (SignatureView s : signatures) {
      if (s.role().equals(role)) {
        latest = s;
      }
    }
    return latest;
  }

  RecordForm withSignatures(List<SignatureView> signed, String hash) {
    return new RecordForm(title, version, adjustments, session, basics, sections, notes, pledges, signed, hash,
        inspections, archiveKeyFingerprint, afterSigning);
  }

  /** Inspections come after the record is signed, so they are shown with it but are not part of what was signed. */
  RecordForm withInspections(List<String> outcomes) {
    return new RecordForm(title, version, adjustments, session, basics, sections, notes, pledges, signatures, sha256,
        outcomes, archiveKeyFingerprint, afterSigning);
  }

  /** 「归档包签名公钥指纹」, printed so that a reader of the paper record can check the key an archive check uses. */
  RecordForm withArchiveKey(String fingerprint) {
    return new RecordForm(title, version, adjustments, session, basics, sections, notes, pledges, signatures, sha256,
        inspections, fingerprint, afterSigning);
  }

  /**
   * What happens to the record after it is signed, shown with it but not part of what was signed: the approving
   * unit's spot-checks (with their revealed seeds) and the session's closing (评审结果已确认).
   */
  RecordForm withAfterSigning(List<String> lines) {
    return new RecordForm(title, version, adjustments, session, basics, sections, notes, pledges, signatures, sha256,
        inspections, archiveKeyFingerprint, lines);
  }
}

package cn.gx.titlereview.record;

import cn.gx.titlereview.platform.document.Titles;
import cn.gx.titlereview.record.RecordForm.Basics;
import cn.gx.titlereview.record.RecordForm.Item;
import cn.gx.titlereview.record.RecordForm.SignatureView;
import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.workflow.Answer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The record form as it is printed (page, .docx, PDF): people by name instead of account ids — in the evidence, the
 * notes, the pledges and the signature block — each introduced with role and unit where first mentioned
 * (「赵强（纪检监督员，某单位）」) and by name after, and the title on as many lines as it needs. The record itself, and so
 * what a signature binds, keeps the account ids.
 */
record RecordPrint(RecordForm form, List<String> titleLines, List<Signer> signers, Map<Item, String> evidences,
    List<String> notes, String pledges, List<String> inspections, List<String> afterSigning) {

  private static final Pattern HASH = Pattern.compile("\\b[0-9a-f]{64}\\b");

  /** The two signatures of 附件1, in the form's order: 组建单位负责人 (with the unit's seal), then 监督员. */
  static final List<String> ROLES = List.of(SignRecordListener.UNIT_HEAD, SignRecordListener.SUPERVISOR);

  /**
   * One signature field: who signed in the system (姓名, 职务 where recorded), and when; empty before anyone signed.
   * On paper the same person signs by hand in the space left for it, and the unit head's field takes the seal.
   */
  public record Signer(String role, String title, String userId, String name, String jobTitle, String date,
      boolean valid, boolean seal) {

    public boolean signed() {
      return userId != null;
    }
  }

  public String evidence(Item item) {
    return evidences.get(item);
  }

  /** 评审基本情况 with the form's blanks filled in. */
  public String basics() {
    Basics b = form.basics();
    return "申报人数：" + b.applicants() + " 通过人数：" + orPending(b.passed()) + " 评审总通过率："
        + orPending(b.passRate()) + "；其中体制内事业单位：" + orPending(b.passRatePublicInstitutions()) + "，企业及其他："
        + orPending(b.passRateEnterprises()) + "。复核存在问题人数：" + orPending(b.recheckProblems());
  }

  /** The line under the form: version, session, the content's hash and the archive key's fingerprint. */
  public String footnote() {
    return "记录表版本：" + form.version() + "；评审会编号：" + form.session().code() + "；内容杂凑值："
        + form.sha256() + "；归档包签名公钥指纹：" + form.archiveKeyFingerprint()
        + "。每项答案均取自系统记录，小字为其依据；“未完成”表示该环节尚未进行或尚未记录。";
  }

  private static String orPending(Object value) {
    return value == null ? Answer.NOT_REACHED : value.toString();
  }

  private static String joined(List<String> names) {
    return names.isEmpty() ? "无" : String.join("、", names);
  }

  /** Builds the printed view, reading the names of everyone the record mentions at once. */
  @Component
  public static class Factory {

    private final PersonNames names;

    public Factory(PersonNames names) {
      this.names = names;
    }

    public RecordPrint of(RecordForm form) {
      List<Item> items = form.sections().stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.items().stream())
          .toList();
      List<String> afterSigning = form.afterSigning() == null ? List.of() : form.afterSigning();
      PersonNames.Book people = names.book(Stream.of(items.stream().map(Item::evidence), form.notes().stream(),
          form.inspections().stream(), afterSigning.stream(), form.pledges().staffSigned().stream(),
          form.pledges().staffNotSigned().stream(), form.signatures().stream().map(SignatureView::signedBy))
          .flatMap(s -> s));
      // In the order the page reads, so that each person is introduced where first mentioned.
      PersonNames.Mentions mentions = people.mentions();
      Map<Item, String> evidences = new IdentityHashMap<>();
      items.forEach(item -> evidences.put(item, mentions.text(item.evidence())));
      List<String> notes = form.notes().stream().map(mentions::text).toList();
      String pledges = pledges(form.pledges(), mentions);
      List<String> inspections = form.inspections().stream().map(mentions::text).toList();
      // Hashes cut to their first 12 digits: on paper they only name the values, which the record page and the
      // archive package give whole.
      List<String> after = afterSigning.stream().map(mentions::text).map(line -> HASH.matcher(line).replaceAll(m ->
          m.group().substring(0, 12) + "…")).toList();
      List<Signer> signers = ROLES.stream().map(role -> {
        SignatureView s = form.signature(role);
        String title = RecordService.SIGNATURE_TITLES.get(role);
        boolean seal = SignRecordListener.UNIT_HEAD.equals(role);
        return s == null ? new Signer(role, title, null, null, null, null, true, seal)
            : new Signer(role, title, s.signedBy(), people.name(s.signedBy()), people.jobTitle(s.signedBy()),
                s.date(), s.valid(), seal);
      }).toList();
      return new RecordPrint(form, Titles.lines(form.title(), form.session().committeeName()), signers, evidences,
          notes, pledges, inspections, after);
    }

    /** 工作人员承诺书（附件3） and 评审专家工作守则（附件2）: who signed, as one sentence. */
    private static String pledges(RecordForm.Pledges p, PersonNames.Mentions mentions) {
      return "工作人员承诺书（附件3）已签署：" + joined(p.staffSigned().stream().map(mentions::person).toList())
          + "；未签署：" + joined(p.staffNotSigned().stream().map(mentions::person).toList())
          + "。评审专家工作守则（附件2）：出席 " + p.expertsAttending() + " 人，已签署 " + p.expertsSigned()
          + " 人（其中本人链接确认 " + p.expertsOnline() + " 人；存有签字页扫描件 " + p.expertsWithScan() + " 人）"
          + (p.expertsNotSigned().isEmpty() ? "" : "，未签署：" + String.join("、", p.expertsNotSigned())) + "。";
    }
  }
}

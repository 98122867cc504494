package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.document.PdfRenderer;
import cn.gx.titlereview.platform.document.Titles;
import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * 随机抽取评委记录单 (附件1 材料存档 item 3: 签字盖章扫描存档) as one set of facts for the page, the .docx and the PDF:
 * the draw's parameters, exclusions with reasons, pool hash and seed, the drawn order with answers and replacements,
 * the supervisor's presence, how anyone can recompute the draw, and the fields to sign and seal. Experts' names are
 * confidential: a sheet for the archive package shows codes only ({@code withNames = false}).
 */
@Component
class DrawRecordSheet {

  static final DateTimeFormatter TIME = PlatformConfig.MINUTES;
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(PlatformConfig.ZONE);

  /** How anyone recomputes the draw, in words: what a reader of the paper sheet needs, and no more. */
  public static final String VERIFICATION = "可凭抽取名单文件和公开的随机种子复算：将名单文件中全部专家编号按字典序排列、"
      + "每行一个，按上列“名单校验码”前缀所注明的算法（sm3 为国密 SM3，早期抽取为 SHA-256）计算杂凑值，应与之一致；"
      + "在每个评议组（专业）内，以随机种子为密钥、用同一算法对每个专家编号计算 HMAC，按结果从小到大排列，即为该组的抽取顺序，前列为评委、其后为候补，与上表一致即为随机抽取无误。"
      + "方法见本系统说明“离线抽取”一节，随系统发布的复算程序（draw-verify）可代为计算。";

  public record Row(String specialty, int order, String expertCode, String name, String role, String response,
      String replaces) {
  }

  public record Exclusion(String expertCode, String name, String specialty, String reason) {
  }

  /** A signature field: 抽取人 or 监督人, with the name printed where the system knows who it was. */
  public record Signer(String title, String name) {
  }

  public record Sheet(ReviewSession session, List<String> titleLines, boolean withNames, DrawRepository.Draw draw,
      String drawnAt, String drawDate, List<Exclusion> excluded, List<Row> rows, String commitment,
      String supervision, List<Signer> signers) {

    public String title() {
      return String.join("", titleLines);
    }

    public String verification() {
      return VERIFICATION;
    }
  }

  private final DrawRepository draws;
  private final RosterRepository roster;
  private final AttestationRepository attestations;
  private final DrawCommitment commitments;
  private final PersonNames names;
  private final PdfRenderer renderer;

  DrawRecordSheet(DrawRepository draws, RosterRepository roster, AttestationRepository attestations,
      DrawCommitment commitments, PersonNames names, PdfRenderer renderer) {
    this.draws = draws;
    this.roster = roster;
    this.attestations = attestations;
    this.commitments = commitments;
    this.names = names;
    this.renderer = renderer;
  }

  /** The sheet as PDF (the page's template, rendered on the server). */
  public byte[] pdf(Sheet sheet) {
    Context context = new Context();
    context.setVariable("sheet", sheet);
    return renderer.render("draw-record", context);
  }

  public Sheet of(ReviewSession session, boolean withNames) {
    DrawRepository.Draw draw = draws.find(session.id()).orElse(null);
    Attestation present = attestations.current(session.id()).get("supervisorPresentAtDraw");
    Attestation machine = attestations.current(session.id()).get("drawOfflineMachine");
    var commitment = commitments.find(session.id()).filter(DrawCommitment.Commitment::confirmed);
    var offline = commitments.offlineResult(session.id());
    String uploadedBy = offline.map(DrawCommitment.OfflineResult::uploadedBy).orElse(null);
    PersonNames.Book people = names.book(Stream.of(present == null ? null : present.attestedBy(),
        machine == null ? null : machine.attestedBy(), commitment.map(DrawCommitment.Commitment::confirmedBy)
            .orElse(null), uploadedBy).filter(s -> s != null).distinct().toList());

    String committed = commitment.map(c -> c.offline() ? offlineText(c, people, machine, offline)
        : "承诺于 " + TIME.format(c.committedAt()) + "（随机数校验码 " + c.randomSha256() + "）；监督员 "
            + people.label(c.confirmedBy()) + " 于 " + TIME.format(c.confirmedAt()) + " 给出短语“" + c.phrase()
            + "”；公开的随机数 " + c.randomHex() + "；种子 = " + c.algorithm().label() + "(随机数‖短语)")
        .orElse("未生成或未确认");
    String supervision = present == null ? "未确认" : (present.isYes() ? "到场全程监督" : "未到场") + "（"
        + people.label(present.attestedBy()) + " 于 " + TIME.format(present.attestedAt()) + " 确认）";

    List<Exclusion> excluded = new ArrayList<>();
    roster.suspended(session.id()).forEach(e -> excluded.add(new Exclusion(e.expertCode(),
        withNames ? e.name() : null, e.specialty(), "名册状态为“暂停”")));
    draws.exclusions(session.id()).forEach(m -> excluded.add(new Exclusion(m.expertCode(),
        withNames ? m.name() : null, m.specialty(), m.reason())));
    List<Row> rows = draws.drawn(session.id()).stream().map(d -> new Row(d.specialty(), d.drawOrder(),
        d.expertCode(), withNames ? d.name() : null, DrawnExpert.MEMBER.equals(d.role()) ? "评委" : "候补",
        d.response() == null ? "未登记" : (DrawnExpert.ACCEPTED.equals(d.response()) ? "出席"
            : "不出席：" + d.declineReason()) + "（" + d.answeredBy() + "）",
        d.replacesExpertCode() == null ? "" : d.replacesExpertCode())).toList();
    PersonNames.Book notifiers = names.book(rows.stream().map(Row::response));
    rows = rows.stream().map(r -> new Row(r.specialty(), r.order(), r.expertCode(), r.name(), r.role(),
        notifiers.text(r.response()), r.replaces())).toList();

    String supervisor = present != null ? present.attestedBy()
        : commitment.map(DrawCommitment.Commitment::confirmedBy).orElse(null);
    List<Signer> signers = List.of(new Signer("抽取人", uploadedBy == null ? null : people.name(uploadedBy)),
        new Signer("监督人", supervisor == null ? null : people.name(supervisor)));
    String title = session.reviewYear() + "年" + session.committeeName() + "随机抽取评委记录单";
    return new Sheet(session, Titles.lines(title, session.committeeName()), withNames, draw,
        draw == null ? null : TIME.format(draw.drawnAt()), draw == null ? null : DATE.format(draw.drawnAt()),
        excluded, rows, committed, supervision, signers);
  }

  private static String offlineText(DrawCommitment.Commitment c, PersonNames.Book people, Attestation machine,
      java.util.Optional<DrawCommitment.OfflineResult> result) {
    return "在不联网的电脑上抽取：监督员 " + people.label(c.confirmedBy()) + " 于 " + TIME.format(c.confirmedAt())
        + " 确认名单校验码 " + c.poolSha256() + result
            .map(r -> "；结果文件 SHA-256 " + r.fileSha256() + "（离线电脑时间 " + TIME.format(r.drawnAt()) + "，"
                + people.label(r.uploadedBy()) + " 于 " + TIME.format(r.uploadedAt()) + " 上传并通过复算核验）；公开的随机数 "
                + r.randomHex() + "，短语“" + r.phrase() + "”，种子 = " + c.algorithm().label() + "(随机数‖短语)")
            .orElse("；结果文件尚未上传")
        + (machine == null ? "；抽取电脑未联网尚未确认" : "；抽取电脑：" + machine.value() + "（"
            + people.label(machine.attestedBy()) + " 于 " + TIME.format(machine.attestedAt()) + " 确认）");
  }
}

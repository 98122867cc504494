package cn.gx.titlereview.draw;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.attestation.Attestation;
import cn.gx.titlereview.platform.attestation.AttestationRepository;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import cn.gx.titlereview.session.SessionRepository;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 随机抽取评委记录单: a printable page of the draw — parameters, exclusions with reasons, pool hash and seed, the drawn
 * order, answers and replacements, and the supervisor's presence. It names experts: session staff and supervisors only.
 */
@Controller
public class DrawRecordPageController {

  static final DateTimeFormatter TIME = PlatformConfig.MINUTES;

  private final SessionAccess access;
  private final SessionRepository sessions;
  private final DrawRepository draws;
  private final RosterRepository roster;
  private final AttestationRepository attestations;
  private final DrawCommitment commitments;

  public DrawRecordPageController(SessionAccess access, SessionRepository sessions, DrawRepository draws,
      RosterRepository roster, AttestationRepository attestations, DrawCommitment commitments) {
    this.access = access;
    this.sessions = sessions;
    this.draws = draws;
    this.roster = roster;
    this.attestations = attestations;
    this.commitments = commitments;
  }

  @GetMapping("/sessions/{code}/draw-record")
  public String page(@PathVariable String code, Model model) {
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
    if (!access.isIn(Groups.SUPERVISOR) && !access.isIn(Groups.ADMIN)
        && !sessions.staff(session.id()).contains(access.userId())) {
      throw BusinessException.forbidden("抽取记录保密：账号 " + access.userId() + " 不是评审会 " + code + " 的工作人员");
    }
    DrawRepository.Draw draw = draws.find(session.id()).orElse(null);
    Attestation present = attestations.current(session.id()).get("supervisorPresentAtDraw");
    model.addAttribute("reviewSession", session);
    model.addAttribute("draw", draw);
    model.addAttribute("drawnAt", draw == null ? null : TIME.format(draw.drawnAt()));
    model.addAttribute("drawn", draws.drawn(session.id()));
    model.addAttribute("excluded", roster.suspended(session.id()));
    model.addAttribute("masked", draws.exclusions(session.id()));
    model.addAttribute("commitment", commitments.find(session.id()).filter(DrawCommitment.Commitment::confirmed)
        .map(c -> c.offline() ? offline(session, c) : "承诺于 " + TIME.format(c.committedAt()) + "（随机数 SHA-256 "
            + c.randomSha256() + "）；监督员 " + c.confirmedBy() + " 于 " + TIME.format(c.confirmedAt()) + " 给出短语“"
            + c.phrase() + "”；公开的随机数 " + c.randomHex() + "；种子 = SHA-256(随机数‖短语)")
        .orElse("未生成或未确认"));
    model.addAttribute("supervision", present == null ? "未确认" : (present.isYes() ? "到场全程监督" : "未到场")
        + "（" + present.attestedBy() + " 于 " + TIME.format(present.attestedAt()) + " 确认）");
    return "draw-record";
  }

  private String offline(ReviewSession session, DrawCommitment.Commitment c) {
    Attestation machine = attestations.current(session.id()).get("drawOfflineMachine");
    return "在不联网的电脑上抽取：监督员 " + c.confirmedBy() + " 于 " + TIME.format(c.confirmedAt()) + " 确认名单 SHA-256 "
        + c.poolSha256() + commitments.offlineResult(session.id())
            .map(r -> "；结果文件 SHA-256 " + r.fileSha256() + "（离线电脑时间 " + TIME.format(r.drawnAt()) + "，"
                + r.uploadedBy() + " 于 " + TIME.format(r.uploadedAt()) + " 上传并通过复算核验）；公开的随机数 "
                + r.randomHex() + "，短语“" + r.phrase() + "”，种子 = SHA-256(随机数‖短语)")
            .orElse("；结果文件尚未上传")
        + (machine == null ? "；抽取电脑未联网尚未确认" : "；抽取电脑：" + machine.value() + "（" + machine.attestedBy()
            + " 于 " + TIME.format(machine.attestedAt()) + " 确认）");
  }
}

package cn.gx.titlereview.training;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.review.AttendanceService;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * 评前培训与签署: every staff member of the session signed 附件3, every attending expert signed 附件2
 * (监管方案 四（二）), and the training was held (附件1 评委培训及评审情况 1、2).
 */
@Component
public class PledgeGate implements Gate {

  static final Map<String, String> TRAINING_ITEMS = Map.of(
      "trainingCoursewareWatched", "是否组织全体评委集中观看高级职称评审培训课件",
      "trainingPolicyAndSoftware", "是否培训职称政策条件和软件操作");

  private final SessionRepository sessions;
  private final PledgeRepository pledges;
  private final ExpertDrawService drawService;
  private final AttestationRepository attestations;
  private final AttendanceService attendance;

  public PledgeGate(SessionRepository sessions, PledgeRepository pledges, ExpertDrawService drawService,
      AttestationRepository attestations, AttendanceService attendance) {
    this.sessions = sessions;
    this.pledges = pledges;
    this.drawService = drawService;
    this.attestations = attestations;
    this.attendance = attendance;
  }

  @Override
  public String key() {
    return "pledges";
  }

  @Override
  public String name() {
    return "合规检查：培训与签署";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 四（二）、附件2、附件3 / v1";
  }

  @Override
  public List<Violation> check(GateContext context) {
    long sessionId = context.session().id();
    List<Violation> violations = new ArrayList<>();
    Set<String> staffSigned = pledges.staffWhoSigned(sessionId);
    for (String user : sessions.staff(sessionId)) {
      if (!staffSigned.contains(user)) {
        violations.add(new Violation("签署工作人员承诺书（附件3）", "工作人员 " + user, "尚未签署承诺书"));
      }
    }
    Set<Long> expertsSigned = pledges.expertsWhoSigned(sessionId);
    for (DrawnExpert expert : drawService.drawn(sessionId)) {
      if (expert.attending() && !expertsSigned.contains(expert.expertId())) {
        violations.add(new Violation("签署评审专家工作守则（附件2）", expert.label(), "尚未登记签署工作守则"));
      }
    }
    Map<Long, Boolean> trained = attendance.attendance(sessionId, AttendanceService.TRAINING);
    for (DrawnExpert expert : drawService.drawn(sessionId)) {
      if (expert.attending() && !trained.containsKey(expert.expertId())) {
        violations.add(new Violation("评委培训", "评委 " + expert.expertCode(), "未登记评前培训出席情况"));
      } else if (expert.attending() && !trained.get(expert.expertId())) {
        violations.add(new Violation("评委培训", "评委 " + expert.expertCode(), "未参加评前培训"));
      }
    }
    Map<String, Attestation> attested = attestations.current(sessionId);
    TRAINING_ITEMS.forEach((key, item) -> {
      Attestation a = attested.get(key);
      if (a == null || !a.isYes()) {
        violations.add(new Violation("评委培训", "评审会 " + context.session().code(),
            item + "：" + (a == null ? "未填写" : "否（" + a.attestedBy() + " 填报）")));
      }
    });
    return violations;
  }
}

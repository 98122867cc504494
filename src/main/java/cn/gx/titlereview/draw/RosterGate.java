package cn.gx.titlereview.draw;

import cn.gx.titlereview.library.LibrarySnapshots;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Before the draw: what the session draws from is frozen here — its committee's library at its current version, or
 * its own one-off roster where the committee has none (docs/library.md) — until the draw is committed; then the
 * whole roster is imported (its count equals the total the supervisor checked on their own),
 * the supervisor is present, and the active roster can fill the prescribed number of members and reserves in
 * every specialty group (附件1 抽取专家情况 1、5、6).
 */
@Component
public class RosterGate implements Gate {

  private final RosterRepository roster;
  private final ExpertDrawService drawService;
  private final AttestationRepository attestations;
  private final SessionRepository sessions;
  private final LibrarySnapshots snapshots;
  private final DrawCommitment commitments;

  public RosterGate(RosterRepository roster, ExpertDrawService drawService, AttestationRepository attestations,
      SessionRepository sessions, LibrarySnapshots snapshots, DrawCommitment commitments) {
    this.roster = roster;
    this.drawService = drawService;
    this.attestations = attestations;
    this.sessions = sessions;
    this.snapshots = snapshots;
    this.commitments = commitments;
  }

  @Override
  public String key() {
    return "roster";
  }

  @Override
  public String name() {
    return "合规检查：名册与监督";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 附件1 抽取专家情况 / v1";
  }

  @Override
  public List<Violation> check(GateContext context) {
    ReviewSession session = context.session();
    String subject = "评审会 " + session.code();
    List<Violation> violations = new ArrayList<>();
    Map<String, Attestation> attested = attestations.current(session.id());
    if (commitments.find(session.id()).isEmpty()) {
      snapshots.freeze(session.id(), session.committeeId(), roster.ownCount(session.id()));
    }
    int imported = roster.count(session.id());
    Attestation official = attested.get("officialRosterTotal");
    if (imported == 0) {
      violations.add(new Violation("导入全部评委名册", subject, "评委会尚无专家库，本评审会也尚未导入评委名册"));
    } else if (official == null) {
      violations.add(new Violation("导入全部评委名册", subject, "监督员尚未核对官方名册总人数"));
    } else if (!String.valueOf(imported).equals(official.value())) {
      violations.add(new Violation("导入全部评委名册", subject, rosterName(session) + " " + imported + " 人，与监督员 "
          + official.attestedBy() + " 核对的官方总数 " + official.value() + " 人不一致"));
    }
    Attestation present = attested.get("supervisorPresentAtDraw");
    if (present == null || !present.isYes()) {
      violations.add(new Violation("纪检部门全程监督", subject, "纪检监督人员未确认到场监督专家抽取"));
    } else if (sessions.staff(session.id()).contains(present.attestedBy())) {
      // Whoever runs the draw cannot also be the one who watched it.
      violations.add(new Violation("纪检部门全程监督", subject, "确认到场监督的 " + present.attestedBy()
          + " 是本评审会的工作人员，不能监督本人经办的抽取"));
    }
    violations.addAll(quotaViolations(context, subject));
    return violations;
  }

  private String rosterName(ReviewSession session) {
    return snapshots.of(session.id()).filter(s -> !s.oneOff()).map(s -> "专家库第 " + s.version() + " 版")
        .orElse("导入名册");
  }

  private List<Violation> quotaViolations(GateContext context, String subject) {
    List<Violation> violations = new ArrayList<>();
    int panelSize = context.intVariable("panelSize");
    int reserveCount = context.intVariable("reserveCount");
    int minGroup = PanelQuota.minGroupSize(context.intVariable("minPerGroup"));
    List<String> specialties = drawService.neededSpecialties(context.session().id());
    if (specialties.isEmpty()) {
      violations.add(new Violation("按规定人数抽取", subject, "没有通过资格审查的申报人，无法确定评议组"));
      return violations;
    }
    Map<String, Integer> active = drawService.eligibleCounts(context.session());
    PanelQuota.allocate(panelSize, reserveCount, specialties).forEach((specialty, quota) -> {
      if (quota.members() < minGroup) {
        violations.add(new Violation("评议组不少于" + minGroup + "人", "评议组“" + specialty + "”",
            "规定评委会 " + panelSize + " 人分到 " + specialties.size() + " 个评议组后，本组仅 " + quota.members() + " 人"));
      }
      int available = active.getOrDefault(specialty, 0);
      if (available < quota.members() + quota.reserves()) {
        violations.add(new Violation("按规定人数抽取", "评议组“" + specialty + "”", "名册中可抽取的在库专家 " + available
            + " 人（已屏蔽前几年连续出席者），不足以抽取 " + quota.members() + " 名评委和 " + quota.reserves() + " 名候补"));
      }
    });
    return violations;
  }
}

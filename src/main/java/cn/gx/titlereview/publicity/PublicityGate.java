package cn.gx.titlereview.publicity;

import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.publicity.PublicityRepository.Complaint;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.recheck.RecheckFinding;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.workflow.gate.Gate;
import cn.gx.titlereview.workflow.gate.GateContext;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 公示: the round ran its full period of working days and every complaint of it is verified. A period reaching into
 * a year without calendar data is a technical failure (an incident in Cockpit), never a guess. Complaints received before the first
 * round opened belong to the first round, so that none escapes verification.
 */
@Component
public class PublicityGate implements Gate {

  private final PublicityRepository publicity;
  private final PublicityPeriod period;
  private final RecheckRepository rechecks;
  private final ApplicantRepository applicants;
  private final PublicityDates dates;
  private final Clock clock;

  public PublicityGate(PublicityRepository publicity, PublicityPeriod period, RecheckRepository rechecks,
      ApplicantRepository applicants, PublicityDates dates, Clock clock) {
    this.publicity = publicity;
    this.period = period;
    this.rechecks = rechecks;
    this.applicants = applicants;
    this.dates = dates;
    this.clock = clock;
  }

  @Override
  public String key() {
    return "publicity";
  }

  @Override
  public String name() {
    return "合规检查：公示";
  }

  @Override
  public String ruleVersion() {
    return "桂职办〔2022〕65号 附件1 公示情况、三（一） / v3（工作日、公示在评审和复核之后）";
  }

  @Override
  public String resultKey(GateContext context) {
    return key() + "-" + context.intVariable("publicityRound");
  }

  @Override
  public String resultName(GateContext context) {
    return "第" + context.intVariable("publicityRound") + "次" + name();
  }

  @Override
  public List<Violation> check(GateContext context) {
    int round = context.intVariable("publicityRound");
    long sessionId = context.session().id();
    String subject = "第" + round + "次公示";
    List<Violation> violations = new ArrayList<>();
    Optional<PublicityRound> opened = publicity.round(sessionId, round);
    if (opened.isEmpty()) {
      violations.add(new Violation("公示", subject, "尚未发布"));
      return violations;
    }
    PublicityRound r = opened.get();
    violations.addAll(dates.check(context.session(), round, r.startDate()));
    int days = period.workingDays(r.startDate(), r.endDate());
    if (days < period.minWorkingDays()) {
      violations.add(new Violation("公示时间不少于5个工作日", subject,
          r.startDate() + " 至 " + r.endDate() + " 仅 " + days + " 个工作日"));
    }
    if (clock.instant().isBefore(PublicityPeriod.endsAt(r.endDate(), clock.getZone()))) {
      violations.add(new Violation("公示时间不少于5个工作日", subject, "公示期至 " + r.endDate() + " 尚未结束"));
    }
    for (Complaint c : publicity.complaints(sessionId)) {
      int belongsTo = c.round() == null ? 1 : c.round();
      if (belongsTo == round && !c.verified()) {
        violations.add(new Violation("信访件核查", "信访件 " + c.id() + (c.applicantNo() == null ? ""
            : "（涉及申报人 " + c.applicantNo() + "）"), "尚未核查"));
      }
    }
    Map<Long, String> labels = applicants.list(sessionId).stream()
        .collect(Collectors.toMap(Applicant::id, Applicant::label));
    for (RecheckFinding f : rechecks.findings(sessionId)) {
      if (f.round() == RecheckRepository.COMPLAINT_ROUND && f.problem() && f.disposition() == null) {
        violations.add(new Violation("信访件核查", labels.get(f.applicantId()),
            f.note() + "：须重新复核，由监督员撤销通过或更正后确认"));
      }
    }
    return violations;
  }
}

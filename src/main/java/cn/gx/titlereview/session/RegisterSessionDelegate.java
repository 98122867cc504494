package cn.gx.titlereview.session;

import cn.gx.titlereview.platform.FormFields;
import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.ConflictRefusal;
import cn.gx.titlereview.region.Capacity;
import cn.gx.titlereview.region.Committee;
import cn.gx.titlereview.region.Jurisdiction;
import cn.gx.titlereview.region.Organization;
import cn.gx.titlereview.region.Region;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the start form's session in our tables for a registered committee, makes its code the business key, and
 * keeps only ids and a few display fields as variables. The committee's name, series, units and 自主评审 come from the
 * registry and are kept as they are today. Runs in the starting transaction: a refusal means no session and no
 * instance.
 */
@Component("registerSession")
class RegisterSessionDelegate implements JavaDelegate {

  /** Form fields that live in review_session afterwards, not in the process. */
  private static final List<String> FORM_ONLY = List.of("plannedReviewStart", "plannedReviewEnd", "staffUserIds");

  private final SessionRepository sessions;
  private final IdentityService identityService;
  private final Jurisdiction jurisdiction;
  private final SessionTaskFilter taskFilter;
  private final Clock clock;

  RegisterSessionDelegate(SessionRepository sessions, IdentityService identityService, Jurisdiction jurisdiction,
      SessionTaskFilter taskFilter, Clock clock) {
    this.sessions = sessions;
    this.identityService = identityService;
    this.jurisdiction = jurisdiction;
    this.taskFilter = taskFilter;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String initiator = (String) execution.getVariable("initiator");
    NewSession session = read(execution, initiator);
    if (sessions.codeExists(session.code())) {
      throw new ConflictRefusal("评审会编号 " + session.code() + " 已存在，请换一个编号");
    }
    long id = sessions.insert(session, execution.getProcessInstanceId(), initiator, clock.instant());
    sessions.addStaff(id, session.staffUserIds());
    taskFilter.open(sessions.get(id));
    execution.setProcessBusinessKey(session.code());
    execution.setVariable("sessionId", id);
    execution.setVariable("sessionCode", session.code());
    execution.setVariable("committeeName", session.committeeName());
    execution.setVariable("reviewYear", session.reviewYear());
    FORM_ONLY.forEach(execution::removeVariable);
  }

  private NewSession read(DelegateExecution execution, String initiator) {
    List<String> missing = new ArrayList<>();
    String code = text(execution, "sessionCode", "评审会编号", missing);
    String committeeCode = text(execution, "committeeCode", "评委会编码", missing);
    String level = text(execution, "level", "评审级别", missing);
    Object year = execution.getVariable("reviewYear");
    if (!(year instanceof Number)) {
      missing.add("评审年度（reviewYear）");
    }
    LocalDate start = date(execution, "plannedReviewStart", "计划评审开始日期", missing);
    LocalDate end = date(execution, "plannedReviewEnd", "计划评审结束日期", missing);
    if (!missing.isEmpty()) {
      throw new BadUserRequestException("以下字段未填写或格式不正确：" + String.join("、", missing));
    }
    Region region = jurisdiction.region();
    Committee committee = region.committee(committeeCode).orElseThrow(() -> new BadUserRequestException(
        "评委会编码 " + committeeCode + " 不存在：请在“评委会”页面查看本单位的评委会及其编码"));
    committee.whyNoSessionOn(LocalDate.now(clock)).ifPresent(why -> {
      throw new BadUserRequestException(why);
    });
    if (!ReviewSession.LEVELS.contains(level)) {
      throw new BadUserRequestException("评审级别应为 " + String.join(" / ", ReviewSession.LEVELS) + " 之一，实际为“" + level + "”");
    }
    if (!committee.reviews(level)) {
      throw new BadUserRequestException("评委会“" + committee.name() + "”是" + committee.level() + "评委会，不能评审"
          + level + "：应为 " + String.join(" / ", Committee.SESSION_LEVELS.get(committee.level())));
    }
    if (end.isBefore(start)) {
      throw new BadUserRequestException("计划评审结束日期（" + end + "）早于开始日期（" + start + "）");
    }
    int reviewYear = ((Number) year).intValue();
    if (reviewYear < 2000 || reviewYear > 2100) {
      throw new BadUserRequestException("评审年度 " + reviewYear + " 不合理");
    }
    Organization organising = region.organization(committee.organisingUnitId());
    return new NewSession(code, committee.name(), level, committee.series(), reviewYear, organising.name(),
        region.organization(committee.approvingUnitId()).name(), committee.selfManaged(), start, end,
        staff(execution, initiator, committee, organising), committee.id());
  }

  /** The initiator plus the listed accounts, each of which must be a staff user of the organising unit. */
  private List<String> staff(DelegateExecution execution, String initiator, Committee committee,
      Organization organising) {
    Set<String> staff = new LinkedHashSet<>();
    if (initiator != null) {
      staff.add(initiator);
    }
    Object listed = execution.getVariable("staffUserIds");
    if (listed != null) {
      Arrays.stream(listed.toString().split("[,，\\s]+")).filter(s -> !s.isEmpty()).forEach(staff::add);
    }
    if (staff.isEmpty()) {
      throw new BadUserRequestException("评审会至少需要一名工作人员：请填写工作人员账号");
    }
    List<String> unknown = staff.stream()
        .filter(user -> identityService.createUserQuery().userId(user).memberOfGroup(Groups.STAFF).count() == 0)
        .toList();
    if (!unknown.isEmpty()) {
      throw new BadUserRequestException("以下账号不存在或不属于“工作人员”用户组：" + String.join("、", unknown));
    }
    List<String> elsewhere = staff.stream()
        .filter(user -> !jurisdiction.capacities(user, committee).contains(Capacity.ORGANISER)).toList();
    if (!elsewhere.isEmpty()) {
      throw new BadUserRequestException("以下账号不属于评委会“" + committee.name() + "”的组建单位" + organising.label()
          + "，不能担任本评审会的工作人员：" + String.join("、", elsewhere));
    }
    return List.copyOf(staff);
  }

  private static String text(DelegateExecution execution, String name, String label, List<String> missing) {
    String value = FormFields.optional(execution, name);
    if (value == null) {
      missing.add(label + "（" + name + "）");
    }
    return value;
  }

  private static LocalDate date(DelegateExecution execution, String name, String label, List<String> missing) {
    String text = text(execution, name, label, missing);
    LocalDate date = ProcessVariables.date(text);
    if (text != null && date == null) {
      missing.add(label + "（" + name + "，应为 yyyy-MM-dd）");
    }
    return date;
  }
}

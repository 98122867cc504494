package cn.gx.titlereview.publicity;

import cn.gx.titlereview.calendar.MissingCalendarYearException;
import cn.gx.titlereview.platform.FormFields;
import cn.gx.titlereview.platform.ProcessVariables;
import cn.gx.titlereview.platform.security.CurrentUser;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Opens a publicity round from its form: stores the period and the complaint channel, refuses a period shorter
 * than the minimum in working days (an empty end date becomes the earliest lawful one) or starting before what it
 * publishes ({@link PublicityDates}), and sets the timer's end
 * ({@code publicityEndsAt}: the day after the last day, 00:00).
 */
@Component("openPublicityRound")
class OpenPublicityRoundListener implements TaskListener {

  private final PublicityRepository publicity;
  private final PublicityPeriod period;
  private final CurrentUser currentUser;
  private final PublicityDates dates;
  private final SessionRepository sessions;
  private final Clock clock;

  OpenPublicityRoundListener(PublicityRepository publicity, PublicityPeriod period, CurrentUser currentUser,
      PublicityDates dates, SessionRepository sessions, Clock clock) {
    this.publicity = publicity;
    this.period = period;
    this.currentUser = currentUser;
    this.dates = dates;
    this.sessions = sessions;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    int round = ((Number) task.getVariable("publicityRound")).intValue();
    LocalDate start = FormFields.date(task, "publicityStart", "公示开始日期");
    try {
      open(task, round, start);
    } catch (MissingCalendarYearException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  private void open(DelegateTask task, int round, LocalDate start) {
    LocalDate end = FormFields.optional(task, "publicityEnd") == null
        ? period.earliestEnd(start) : FormFields.date(task, "publicityEnd", "公示结束日期");
    String channel = FormFields.optional(task, "complaintChannel");
    if (channel == null) {
      throw new BadUserRequestException("请填写投诉举报渠道（电话、邮箱或地址）");
    }
    int days = period.workingDays(start, end);
    if (days < period.minWorkingDays()) {
      throw new BadUserRequestException("第" + round + "次公示期为 " + start + " 至 " + end + "，仅 " + days
          + " 个工作日（不含周末和法定节假日），少于规定的 " + period.minWorkingDays() + " 个工作日；最早可于 "
          + period.earliestEnd(start) + " 结束");
    }
    long sessionId = ProcessVariables.sessionId(task);
    List<Violation> implausible = dates.check(sessions.get(sessionId), round, start);
    if (!implausible.isEmpty()) {
      throw new BadUserRequestException(implausible.stream().map(Violation::describe).collect(Collectors.joining("；")));
    }
    publicity.saveRound(sessionId, new PublicityRound(round, start, end, channel,
        currentUser.completing(task)), clock.instant());
    task.getExecution().setVariable("publicityEnd", end.toString());
    task.getExecution().setVariable("publicityEndsAt",
        Date.from(PublicityPeriod.endsAt(end, clock.getZone())));
  }

}

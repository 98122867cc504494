package cn.gx.titlereview.supervision;

import cn.gx.titlereview.platform.SiteSettings;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.security.SystemAuthority;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The administrators are warned every morning, with the task reminders, while a year's working-day notice is missing
 * and due ({@link NextYearNotice}): a WARN line in every node's log, and one e-mail to each administrator with an
 * address, sent by one node (calendar_warning_run).
 */
@Component
class NoticeWarningMail {

  private static final Logger LOG = LoggerFactory.getLogger(NoticeWarningMail.class);

  private final NextYearNotice notice;
  private final IdentityService identityService;
  private final ObjectProvider<JavaMailSender> mail;
  private final SystemAuthority system;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final String from;
  private final String pageUrl;

  NoticeWarningMail(NextYearNotice notice, IdentityService identityService, ObjectProvider<JavaMailSender> mail,
      SystemAuthority system, JdbcClient jdbc, Clock clock, SiteSettings settings) {
    this.notice = notice;
    this.identityService = identityService;
    this.mail = mail;
    this.system = system;
    this.jdbc = jdbc;
    this.clock = clock;
    this.from = settings.reminders().from();
    this.pageUrl = settings.link("/calendar");
  }

  @Scheduled(cron = "${titlereview.reminders.cron:0 0 8 * * *}", zone = "Asia/Shanghai")
  public void warnToday() {
    warn(LocalDate.now(clock));
  }

  /** Warns of the day's missing notice, once; answers how many e-mails went out. */
  public int warn(LocalDate day) {
    NextYearNotice.Missing missing = notice.check().orElse(null);
    if (missing == null) {
      return 0;
    }
    LOG.warn("Working-day notice of {} missing; {} open sessions will stop at publicity: {}", missing.year(),
        missing.stopped().size(), missing.stopped().stream().map(s -> s.code()).toList());
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    try {
      jdbc.sql("insert into calendar_warning_run (run_day, notice_year, sent, run_at) values (?, ?, 0, ?)")
          .params(day, missing.year(), Timestamp.from(clock.instant())).update();
    } catch (DuplicateKeyException alreadySent) {
      return 0;
    }
    // The system administrators keep the calendar (三员分立); the bootstrap account while it is in service.
    List<User> administrators = system.call(() -> java.util.stream.Stream.of(Groups.SYSTEM_ADMIN, Groups.ADMIN)
        .flatMap(group -> identityService.createUserQuery().memberOfGroup(group).list().stream()).distinct().toList());
    int sent = 0;
    for (User administrator : administrators) {
      if (administrator.getEmail() == null || administrator.getEmail().isBlank()) {
        continue;
      }
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(from);
      message.setTo(administrator.getEmail());
      message.setSubject("【职称评审】请录入 " + missing.year() + " 年的法定节假日安排");
      message.setText(missing.message() + "\n\n录入入口：" + pageUrl
          + "\n\n此邮件由职称评审监督系统自动发送，请勿回复。\n");
      sender.send(message);
      sent++;
    }
    jdbc.sql("update calendar_warning_run set sent = ? where run_day = ?").params(sent, day).update();
    return sent;
  }
}

package cn.gx.titlereview.workflow.reminder;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.SiteSettings;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.region.PersonNames;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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
 * 催办: every morning, one e-mail to each person who has tasks due tomorrow or overdue, listing them. A task goes to
 * its assignee; an unclaimed one to its candidate users, or to the members of its candidate groups. The mail server
 * is Spring's ({@code spring.mail.*}); without one, nothing is sent. With several nodes, one sends (reminder_run).
 */
@Component
class TaskReminders {

  private static final Logger LOG = LoggerFactory.getLogger(TaskReminders.class);

  record Due(Task task, String sessionCode) {
  }

  private final TaskService taskService;
  private final IdentityService identityService;
  private final ObjectProvider<JavaMailSender> mail;
  private final SystemAuthority system;
  private final PersonNames names;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final String from;
  private final String tasklistUrl;

  TaskReminders(TaskService taskService, IdentityService identityService, ObjectProvider<JavaMailSender> mail,
      SystemAuthority system, PersonNames names, JdbcClient jdbc, Clock clock, SiteSettings settings) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.mail = mail;
    this.system = system;
    this.names = names;
    this.jdbc = jdbc;
    this.clock = clock;
    this.from = settings.reminders().from();
    this.tasklistUrl = settings.link("/camunda/app/tasklist/default/");
  }

  @Scheduled(cron = "${titlereview.reminders.cron:0 0 8 * * *}", zone = "Asia/Shanghai")
  public void sendToday() {
    send(LocalDate.now(clock));
  }

  /** Sends the reminders of the day once; answers how many e-mails went out (0 when already sent or no server). */
  public int send(LocalDate day) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      LOG.info("No mail server configured (spring.mail.host): no reminders sent");
      return 0;
    }
    try {
      jdbc.sql("insert into reminder_run (run_day, sent, run_at) values (?, 0, ?)")
          .params(day, Timestamp.from(clock.instant())).update();
    } catch (DuplicateKeyException alreadySent) {
      return 0;
    }
    Date dueBefore = Date.from(day.plusDays(2).atStartOfDay(clock.getZone()).toInstant());
    Map<String, List<Due>> byPerson = system.call(() -> {
      Map<String, List<Due>> people = new TreeMap<>();
      for (Task task : taskService.createTaskQuery().dueBefore(dueBefore).orderByDueDate().asc().list()) {
        Object code = taskService.getVariable(task.getId(), "sessionCode");
        for (String person : recipients(task)) {
          people.computeIfAbsent(person, p -> new ArrayList<>()).add(new Due(task, code == null ? "" : code.toString()));
        }
      }
      return people;
    });
    int sent = 0;
    for (Map.Entry<String, List<Due>> entry : byPerson.entrySet()) {
      User user = system.call(() -> identityService.createUserQuery().userId(entry.getKey()).singleResult());
      if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
        continue;
      }
      sender.send(message(user, entry.getValue(), clock.instant()));
      sent++;
    }
    jdbc.sql("update reminder_run set sent = ? where run_day = ?").params(sent, day).update();
    LOG.info("Task reminders of {}: {} e-mails", day, sent);
    return sent;
  }

  /** The assignee; else the candidate users; else the members of the candidate groups. */
  private Set<String> recipients(Task task) {
    if (task.getAssignee() != null) {
      return Set.of(task.getAssignee());
    }
    List<IdentityLink> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
    Set<String> people = new LinkedHashSet<>();
    candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).forEach(people::add);
    if (people.isEmpty()) {
      candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).forEach(group -> identityService
          .createUserQuery().memberOfGroup(group).list().forEach(u -> people.add(u.getId())));
    }
    return people;
  }

  private SimpleMailMessage message(User user, List<Due> tasks, Instant now) {
    StringBuilder body = new StringBuilder(names.name(user.getId()))
        .append("，您好：\n\n以下任务明天到期或已逾期，请及时办理：\n\n");
    tasks.stream().sorted(Comparator.comparing(d -> d.task().getDueDate())).forEach(d -> body.append("- ")
        .append(d.task().getName()).append(d.sessionCode().isEmpty() ? "" : "（评审会 " + d.sessionCode() + "）")
        .append("，期限 ").append(PlatformConfig.MINUTES.format(d.task().getDueDate().toInstant()))
        .append(d.task().getDueDate().toInstant().isBefore(now) ? "，已逾期" : "").append('\n'));
    body.append("\n办理入口：").append(tasklistUrl).append("\n\n此邮件由职称评审监督系统自动发送，请勿回复。\n");
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(user.getEmail());
    message.setSubject("【职称评审】您有 " + tasks.size() + " 项任务明天到期或已逾期");
    message.setText(body.toString());
    return message;
  }
}

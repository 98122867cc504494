package cn.gx.titlereview.workflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.TestRegion;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 催办: a task due tomorrow produces exactly one e-mail to each of its people, once a day, and none to others. */
@IntegrationTest
class TaskRemindersTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  @LocalServerPort int port;
  @Autowired TestRegion region;
  @Autowired TaskReminders reminders;
  @Autowired SessionWalk walk;
  @Autowired IdentityService identityService;

  @Test
  void aDueTaskMailsItsPeopleOnceAndNobodyElse() throws Exception {
    String person = "remind" + System.nanoTime() % 100_000;
    User user = identityService.newUser(person);
    user.setFirstName("孙");
    user.setLastName("丽");
    user.setPassword("demo");
    user.setEmail(person + "@example.invalid");
    // The demo's password, as the demo accounts have it (outside the password rules).
    ((IdentityServiceImpl) identityService).saveUser(user, true);
    identityService.createMembership(person, "staff");
    region.account(person, "GX-UNIT-A", "工作人员");
    // A session whose only staff member is the new person: its first task is theirs alone.
    String code = "REM-" + System.nanoTime();
    walk.start(code, "");
    Api api = new Api(port);
    api.postJson("/api/sessions/" + code + "/staff", "staff1", "{\"userId\": \"" + person + "\"}");
    api.delete("/api/sessions/" + code + "/staff/staff1", person);

    // The applicants are due when the draw window opens; the day before, the reminder goes out.
    java.time.LocalDate dayBefore = TestData.REVIEW_START.minusDays(4);
    int sent = reminders.send(dayBefore);
    assertThat(sent).isPositive();
    List<MimeMessage> theirs = Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> recipient(m).equals(person + "@example.invalid")).toList();
    assertThat(theirs).hasSize(1);
    assertThat(theirs.get(0).getSubject()).isEqualTo("【职称评审】您有 1 项任务明天到期或已逾期");
    assertThat(text(theirs.get(0))).contains("孙丽，您好", "导入申报人员并审核资格（评审会 " + code + "）", "/camunda/app/tasklist/");
    assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> !recipient(m).equals(person + "@example.invalid"))
        .map(TaskRemindersTest::text)).noneMatch(other -> other.contains(code));
    // The same day again sends nothing: one e-mail a day, whichever node runs it.
    assertThat(reminders.send(dayBefore)).isZero();
    assertThat(SMTP.getReceivedMessages()).hasSize(sent);
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text as the reader's mail program shows it. */
  private static String text(MimeMessage message) {
    try {
      return (String) message.getContent();
    } catch (java.io.IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

package cn.gx.titlereview.expert;

import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.draw.RosterImportService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestClock;
import cn.gx.titlereview.support.TestData;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an SMS gateway configured (an in-process HTTP server here) and a mail server (GreenMail), each drawn member's
 * notice goes by SMS and, where the roster has an address, by e-mail; the demo outbox steps aside. A member whom no
 * channel reached is on the call list at once; one who was reached is on it once his answer is overdue.
 */
@IntegrationTest
class ExpertNoticeChannelsTest {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  /** Bodies of the SMS requests the gateway accepted; numbers ending in an even digit it refuses (HTTP 500). */
  static final List<String> SMS = new CopyOnWriteArrayList<>();
  static final HttpServer GATEWAY = gateway();

  @DynamicPropertySource
  static void gatewayUrl(DynamicPropertyRegistry properties) {
    properties.add("titlereview.experts.sms.url",
        () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/send");
    properties.add("titlereview.experts.sms.key", () -> "test-key");
  }

  @LocalServerPort int port;
  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired RosterImportService roster;
  @Autowired ExpertDrawService drawService;
  @Autowired ContactLog contacts;
  @Autowired TestClock clock;

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void noticesGoBySmsAndEmailAndWhomNothingReachedIsOnTheCallList() throws Exception {
    ReviewSession session = fixture.sessionWithRoster();
    // The roster again, each expert with a number of his own and the odd ones with an e-mail address.
    List<Map<String, Object>> experts = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      experts.add(row("expertCode", String.format("E%02d", i), "name", "专家" + i, "employer", "单位" + (i % 7),
          "specialty", SessionFixture.SPECIALTIES.get(i % 2), "title", "正高级工程师",
          "phone", String.format("139000000%02d", i), "status", i == 40 ? "暂停" : "在库",
          "email", i % 2 == 1 ? "e" + i + "@example.invalid" : null));
    }
    roster.replace(session, data.json(experts), "staff1");
    fixture.draw(session, 11, 4, 3);

    List<DrawnExpert> members = drawService.drawn(session.id()).stream()
        .filter(d -> DrawnExpert.MEMBER.equals(d.role())).toList();
    List<ContactLog.Entry> log = contacts.entries(session.id());
    assertThat(log).noneMatch(e -> e.channel() == ContactLog.Channel.OUTBOX);
    List<MimeMessage> mails = Arrays.asList(SMTP.getReceivedMessages());
    for (DrawnExpert m : members) {
      int i = Integer.parseInt(m.expertCode().substring(1));
      List<ContactLog.Entry> his = log.stream().filter(e -> e.expertCode().equals(m.expertCode())).toList();
      if (i % 2 == 1) {
        assertThat(his).extracting(ContactLog.Entry::channel, ContactLog.Entry::outcome).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ContactLog.Channel.SMS, ContactLog.Outcome.SENT),
            org.assertj.core.groups.Tuple.tuple(ContactLog.Channel.EMAIL, ContactLog.Outcome.SENT));
        MimeMessage mail = mails.stream().filter(x -> recipient(x).equals("e" + i + "@example.invalid")).findFirst()
            .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("【职称评审】评审专家抽取通知");
        String body = (String) mail.getContent();
        assertThat(body).contains("/e/", "测试评委会");
        // No expert is named in it (the roster's names are 专家1 … 专家40), nor any applicant.
        assertThat(body).doesNotContainPattern("专家\\d").doesNotContain("申报人");
        assertThat(SMS).anyMatch(sms -> sms.contains(String.format("139000000%02d", i)) && sms.contains("/e/"));
      } else {
        assertThat(his).extracting(ContactLog.Entry::channel, ContactLog.Entry::outcome).containsExactly(
            org.assertj.core.groups.Tuple.tuple(ContactLog.Channel.SMS, ContactLog.Outcome.FAILED),
            org.assertj.core.groups.Tuple.tuple(ContactLog.Channel.PHONE, ContactLog.Outcome.TO_CALL));
        assertThat(his.get(0).detail()).contains("HTTP 500", "139****00" + String.format("%02d", i));
      }
    }

    Api api = new Api(port);
    String calls = api.get("/api/sessions/" + session.code() + "/expert-replies/call-list", "staff1").body();
    long unreached = members.stream().filter(m -> Integer.parseInt(m.expertCode().substring(1)) % 2 == 0).count();
    assertThat(calls.split("\"expertCode\"", -1)).hasSize((int) unreached + 1);
    assertThat(calls).contains("出席确认：通知未送达");
    // Five hours on, the reached members who did not answer are overdue too.
    clock.set(java.time.LocalDateTime.now(cn.gx.titlereview.platform.PlatformConfig.ZONE).plusHours(5)
        .withSecond(0).withNano(0).toString().substring(0, 16));
    String later = api.get("/api/sessions/" + session.code() + "/expert-replies/call-list", "staff1").body();
    assertThat(later.split("\"expertCode\"", -1)).hasSize(members.size() + 1);
    assertThat(later).contains("逾期未答复");
    assertThat(api.get("/sessions/" + session.code() + "/experts/call-list", "staff1").body())
        .contains("电话通知单", "13900000");
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer gateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/send", exchange -> {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean authorized = "Bearer test-key".equals(exchange.getRequestHeaders().getFirst("Authorization"));
        boolean refused = !authorized || body.matches("(?s).*\"mobile\":\"\\d*[02468]\".*");
        if (!refused) {
          SMS.add(body);
        }
        exchange.sendResponseHeaders(refused ? 500 : 200, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

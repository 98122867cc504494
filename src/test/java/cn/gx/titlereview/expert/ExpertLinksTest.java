package cn.gx.titlereview.expert;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestClock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 出席确认 through the one-time link: the demo outbox holds each notice's text, so the test follows the link as the
 * expert would, and refuses every link that is reused, edited, expired or revoked, each with its own page.
 */
@IntegrationTest
class ExpertLinksTest {

  static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/e/[A-Za-z0-9_-]{44})");

  @LocalServerPort int port;
  @Autowired SessionFixture fixture;
  @Autowired ExpertDrawService drawService;
  @Autowired ContactLog contacts;
  @Autowired TestClock clock;
  @Autowired SessionRepository sessions;

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void aMemberWhoDeclinesThroughHisLinkIsReplacedByTheNextReserveWhoIsNotifiedInTurn() {
    Called called = called();
    ReviewSession session = called.session();
    DrawnExpert member = called.member();
    String link = called.link();
    Api api = new Api(port);

    Api.Reply page = api.get(link, null);
    assertThat(page.status()).isEqualTo(200);
    // No account, no session: the page sets no cookie, and is not kept by the browser or a proxy.
    assertThat(page.header("Set-Cookie")).isNull();
    assertThat(page.header("Cache-Control")).contains("no-store");
    assertThat(page.body()).contains("出席确认", "测试评委会", member.name() + " 专家");
    // The page names him and nobody else of the panel.
    drawService.drawn(session.id()).stream().filter(d -> d.expertId() != member.expertId())
        .forEach(other -> assertThat(page.body()).doesNotContainPattern(other.name() + "(?!\\d)"));

    Api.Reply done = api.postForm(link, null, "answer", "decline", "reason", "出差在外");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("您已答复不出席，原因：出差在外");

    List<DrawnExpert> drawn = drawService.drawn(session.id());
    DrawnExpert declined = asNow(session, member);
    assertThat(declined.response()).isEqualTo(DrawnExpert.DECLINED);
    assertThat(declined.answeredHimself()).isTrue();
    DrawnExpert reserve = drawn.stream().filter(d -> member.expertCode().equals(d.replacesExpertCode())).findFirst()
        .orElseThrow();
    assertThat(reserve.role()).isEqualTo(DrawnExpert.MEMBER);
    // The promoted reserve got a notice of his own, with a link of his own.
    assertThat(linkOf(session, reserve.expertCode(), "出席确认")).isNotEqualTo(link);

    String log = api.get("/api/sessions/" + session.code() + "/contacts", "staff1").body();
    assertThat(log).contains("\"expertCode\":\"" + member.expertCode() + "\"", "\"outcomeName\":\"已答复\"",
        "本人答复不出席：出差在外", "\"expertCode\":\"" + reserve.expertCode() + "\"", "\"channelName\":\"演示发件箱\"");
    assertThat(api.get("/sessions/" + session.code() + "/draw-record", "staff1").body())
        .contains("不出席：出差在外（本人通过链接答复）");
  }

  @Test
  void aLinkUsedTwiceIsRefusedAndTheFirstAnswerStands() {
    Called called = called();
    ReviewSession session = called.session();
    DrawnExpert member = called.member();
    String link = called.link();
    Api api = new Api(port);
    assertThat(api.postForm(link, null, "answer", "attend").status()).isEqualTo(200);

    Api.Reply again = api.postForm(link, null, "answer", "decline", "reason", "改变主意");
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.body()).contains("此链接已使用", "通过此链接提交了出席确认，链接随即失效");
    assertThat(api.get(link, null).body()).contains("此链接已使用");
    DrawnExpert now = asNow(session, member);
    assertThat(now.attending()).isTrue();
    assertThat(drawService.drawn(session.id()).stream().filter(d -> d.replacesExpertCode() != null)).isEmpty();
    assertThat(contacts.entries(session.id())).filteredOn(e -> e.outcome() == ContactLog.Outcome.REFUSED)
        .extracting(ContactLog.Entry::detail).allMatch(d -> d.startsWith("此链接已使用"));
  }

  @Test
  void aLinkEditedByOneCharacterIsRefusedAsInvalid() {
    Called called = called();
    ReviewSession session = called.session();
    DrawnExpert member = called.member();
    String link = called.link();
    Api api = new Api(port);
    // One character of the MAC, then one of the id: neither names a link anyone was given.
    for (int at : new int[] {link.length() - 1, "/e/".length() + 3}) {
      char c = link.charAt(at);
      String edited = link.substring(0, at) + (c == 'A' ? 'B' : 'A') + link.substring(at + 1);
      Api.Reply refused = api.postForm(edited, null, "answer", "decline", "reason", "伪造");
      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.body()).contains("链接无效", "不要改动其中的字符");
      assertThat(api.get(edited, null).status()).isEqualTo(404);
    }
    assertThat(asNow(session, member).response()).isNull();
    // The altered MAC still named a real link: that refusal is in his contact log; the unknown id is not.
    assertThat(contacts.entries(session.id())).filteredOn(e -> e.outcome() == ContactLog.Outcome.REFUSED)
        .hasSize(2).allMatch(e -> e.expertCode().equals(member.expertCode()) && e.detail().startsWith("链接无效"));
    assertThat(api.get(link, null).status()).isEqualTo(200);
  }

  @Test
  void aLinkPastTheSessionsExpiryIsRefusedAsExpired() {
    Called called = called();
    ReviewSession session = called.session();
    DrawnExpert member = called.member();
    String link = called.link();
    Api api = new Api(port);
    // By default the links work until the planned review starts.
    clock.set(session.plannedReviewStart() + "T00:00");
    Api.Reply refused = api.postForm(link, null, "answer", "attend");
    assertThat(refused.status()).isEqualTo(410);
    assertThat(refused.body()).contains("此链接已过期", "有效期至 " + session.plannedReviewStart() + " 00:00");
    clock.set(session.plannedReviewStart().minusDays(1) + "T11:00");
    assertThat(api.get(link, null).status()).isEqualTo(200);
    assertThat(asNow(session, member).response()).isNull();

    // Staff may set the session's expiry: earlier here, so that answers come in time to call reserves.
    String expiry = "/api/sessions/" + session.code() + "/expert-links/expiry";
    String noon = session.plannedReviewStart().minusDays(1) + " 12:00";
    assertThat(api.postJson(expiry, "supervisor1", "{\"expiresAt\": \"" + noon + "\"}").status()).isEqualTo(403);
    assertThat(api.postJson(expiry, "staff1", "{\"expiresAt\": \"2020-01-01 00:00\"}").body()).contains("已过去");
    Api.Reply set = api.postJson(expiry, "staff1", "{\"expiresAt\": \"" + noon + "\"}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(api.get(expiry, "supervisor1").body()).contains(noon.replace(' ', 'T'));
    clock.set(noon.replace(' ', 'T'));
    assertThat(api.get(link, null).body()).contains("此链接已过期", "有效期至 " + noon);
  }

  @Test
  void aClosedSessionsLinksTakeNoAnswer() {
    Called called = called();
    sessions.close(called.session().id(), SessionRepository.Closure.NOT_CONFIRMED, "approver1",
        java.time.Instant.now());
    Api.Reply refused = new Api(port).postForm(called.link(), null, "answer", "attend");
    assertThat(refused.status()).isEqualTo(410);
    assertThat(refused.body()).contains("此链接已过期");
    assertThat(asNow(called.session(), called.member()).response()).isNull();
  }

  @Test
  void aLinkStaffRevokedIsRefusedAndANewOneWorks() {
    Called called = called();
    ReviewSession session = called.session();
    DrawnExpert member = called.member();
    String old = called.link();
    Api api = new Api(port);
    String code = session.code();
    Api.Reply issued = api.postJson("/api/sessions/" + code + "/experts/" + member.expertCode() + "/links", "staff1",
        "{\"purpose\": \"ATTEND\"}");
    assertThat(issued.status()).isEqualTo(200);
    String fresh = linkOf(session, member.expertCode(), "出席确认");
    assertThat(fresh).isNotEqualTo(old);

    Api.Reply refused = api.postForm(old, null, "answer", "attend");
    assertThat(refused.status()).isEqualTo(410);
    assertThat(refused.body()).contains("此链接已停用", "请使用最新收到的链接");
    assertThat(asNow(session, member).response()).isNull();
    assertThat(api.postForm(fresh, null, "answer", "attend").status()).isEqualTo(200);
    // Revoking an answered link is refused; staff outside the session may not revoke at all.
    String freshId = fresh.substring("/e/".length(), "/e/".length() + OneTimeLinks.PART);
    assertThat(api.postJson("/api/sessions/" + code + "/expert-links/" + freshId + "/revoke", "staff1", "{}").status())
        .isEqualTo(409);
    assertThat(api.postJson("/api/sessions/" + code + "/expert-links/" + freshId + "/revoke", "staff3", "{}").status())
        .isEqualTo(403);
  }

  @Test
  void aLinkAskedTooOftenIsRefusedForAWhile() {
    ReviewSession session = drawn();
    Api api = new Api(port);
    String link = linkOf(session, firstMember(session).expertCode(), "出席确认");
    for (int i = 0; i < 30; i++) {
      assertThat(api.get(link, null).status()).isEqualTo(200);
    }
    Api.Reply refused = api.get(link, null);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.body()).contains("访问过于频繁", "请稍候几分钟再试");
  }

  @Test
  void theContactLogIsForTheSessionsStaffAndTheSupervisor() {
    ReviewSession session = drawn();
    Api api = new Api(port);
    String path = "/api/sessions/" + session.code() + "/contacts";
    assertThat(api.get(path, "staff1").status()).isEqualTo(200);
    assertThat(api.get(path, "supervisor1").status()).isEqualTo(200);
    assertThat(api.get(path, "staff3").status()).isEqualTo(403);
    assertThat(api.get(path, "approver1").status()).isEqualTo(403);
    assertThat(api.get(path, null).status()).isEqualTo(401);
    // A notice to every member, each with its expert code and time.
    assertThat(contacts.entries(session.id())).filteredOn(e -> e.outcome() == ContactLog.Outcome.SENT)
        .hasSize(11).allMatch(e -> e.at() != null && e.expertCode() != null);
  }

  /** A drawn session, its first member, and the link of his draw notice. */
  record Called(ReviewSession session, DrawnExpert member, String link) {
  }

  private Called called() {
    ReviewSession session = drawn();
    DrawnExpert member = firstMember(session);
    return new Called(session, member, linkOf(session, member.expertCode(), "出席确认"));
  }

  /** A session drawn as the process draws it: the members' notices go out when the draw commits. */
  private ReviewSession drawn() {
    ReviewSession session = fixture.sessionWithRoster();
    fixture.draw(session, 11, 4, 3);
    return session;
  }

  /** The expert as the draw records him now. */
  private DrawnExpert asNow(ReviewSession session, DrawnExpert expert) {
    return drawService.drawn(session.id()).stream().filter(d -> d.expertId() == expert.expertId()).findFirst()
        .orElseThrow();
  }

  private DrawnExpert firstMember(ReviewSession session) {
    return drawService.drawn(session.id()).stream().filter(d -> DrawnExpert.MEMBER.equals(d.role())).findFirst()
        .orElseThrow();
  }

  private String linkOf(ReviewSession session, String expertCode, String purpose) {
    return linkOf(contacts, session, expertCode, purpose);
  }

  /** The path of the link in the expert's latest notice for the purpose, as the demo outbox kept it. */
  static String linkOf(ContactLog contacts, ReviewSession session, String expertCode, String purpose) {
    List<ContactLog.Entry> sent = contacts.entries(session.id()).stream()
        .filter(e -> e.expertCode().equals(expertCode) && purpose.equals(e.purpose()) && e.messageText() != null)
        .toList();
    assertThat(sent).as("notices to " + expertCode).isNotEmpty();
    Matcher m = LINK.matcher(sent.get(sent.size() - 1).messageText());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}

package cn.gx.titlereview.review;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.archive.ArchiveItem;
import cn.gx.titlereview.archive.ArchiveRepository;
import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawWindow;
import cn.gx.titlereview.publicity.PublicityDates;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.publicity.PublicityRepository.PublicityRound;
import cn.gx.titlereview.record.RecordService;
import cn.gx.titlereview.record.SignatureGate;
import cn.gx.titlereview.record.SignatureRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Dates are checked against each other (docs/record-integrity.md lists the rules): review times within the planned
 * days and after the draw; publicity after the review and the rechecks, the second round after the first; signatures
 * after the archive and the review. A review that really moved is re-planned by the unit head, with a reason.
 */
@IntegrationTest
class DatePlausibilityTest {

  @Autowired SessionFixture fixture;
  @Autowired TestData data;
  @Autowired ReviewTimes reviewTimes;
  @Autowired ReviewGate reviewGate;
  @Autowired SessionRepository sessions;
  @Autowired DrawRepository draws;
  @Autowired DrawWindow window;
  @Autowired PublicityDates publicityDates;
  @Autowired PublicityRepository publicity;
  @Autowired GateResultRepository gateResults;
  @Autowired RecordService records;
  @Autowired SignatureGate signatureGate;
  @Autowired SignatureRepository signatures;
  @Autowired ArchiveRepository archive;
  @LocalServerPort int port;

  private void times(ReviewSession session, LocalDate day, String start, String end) {
    reviewTimes.record(session, data.json(reviewTimes.groupNames(session).stream()
        .map(g -> row("groupName", g, "startedAt", day + "T" + start, "endedAt", day + "T" + end)).toList()), "staff3");
  }

  private List<String> timeRules(ReviewSession session) {
    return reviewGate.check(context(session)).stream().map(Violation::rule)
        .filter(r -> r.equals(ReviewTimes.WITHIN_PLAN) || r.equals(ReviewTimes.AFTER_DRAW)).toList();
  }

  @Test
  void reviewTimesLieWithinThePlannedDaysAndAfterTheDrawAndPrintWithTheirYear() {
    ReviewSession session = fixture.sessionWithVotes();
    assertThat(timeRules(session)).isEmpty();
    assertThat(records.form(session).notes()).anyMatch(n -> n.contains("评审时间：评议组")
        && n.contains(session.plannedReviewStart() + " 09:00–" + session.plannedReviewStart() + " 12:00"));
    times(session, session.plannedReviewStart().minusYears(1), "09:00", "12:00");
    assertThat(timeRules(session)).contains(ReviewTimes.WITHIN_PLAN, ReviewTimes.AFTER_DRAW);
    assertThat(reviewGate.check(context(session))).extracting(Violation::finding)
        .anyMatch(f -> f.contains("不在计划评审日 " + session.plannedReviewStart()) && f.contains("review-plan"));
  }

  /** The review moved a day: the unit head re-plans it with a reason; the draw keeps the window it was drawn in. */
  @Test
  void aReviewThatMovedIsReplannedByTheUnitHeadWithAReason() {
    ReviewSession session = fixture.sessionWithVotes();
    LocalDate later = session.plannedReviewStart().plusDays(4);
    times(session, later, "09:00", "12:00");
    assertThat(timeRules(session)).containsOnly(ReviewTimes.WITHIN_PLAN);
    Api api = new Api(port);
    String path = "/api/sessions/" + session.code() + "/review-plan";
    String body = "{\"plannedReviewStart\":\"" + later + "\",\"plannedReviewEnd\":\"" + later.plusDays(1)
        + "\",\"reason\":\"%s\"}";
    assertThat(api.postJson(path, "staff1", body.formatted("台风停航")).status()).isEqualTo(403);
    assertThat(api.postJson(path, "unithead1", body.formatted("")).status()).isEqualTo(400);
    assertThat(api.postJson(path, "unithead1", body.formatted("台风停航，评审顺延四天")).status()).isEqualTo(200);

    ReviewSession moved = sessions.get(session.id());
    assertThat(moved.plannedReviewStart()).isEqualTo(later);
    assertThat(timeRules(moved)).isEmpty();
    DrawRepository.Draw draw = draws.find(session.id()).orElseThrow();
    assertThat(window.check(moved, draw, List.of())).as("judged by the plan in force at the draw").isEmpty();
    assertThat(records.form(moved).notes()).anyMatch(n -> n.startsWith("评审日期调整：由 " + session.plannedReviewStart())
        && n.contains("台风停航，评审顺延四天") && n.contains("unithead1"));
    assertThat(api.get(path, "approver1").body()).contains("台风停航，评审顺延四天");
  }

  @Test
  void publicityStartsAfterTheReviewAndTheRechecksAndTheSecondRoundAfterTheFirst() {
    ReviewSession session = fixture.sessionWithVotes();
    LocalDate reviewDay = session.plannedReviewStart();
    assertThat(publicityDates.check(session, 1, reviewDay)).extracting(Violation::finding)
        .containsExactly("早于评审结束时间 " + reviewDay + " 12:00");
    assertThat(publicityDates.check(session, 1, reviewDay.plusDays(1))).isEmpty();
    publicity.saveRound(session.id(), new PublicityRound(1, reviewDay.plusDays(1), reviewDay.plusDays(7), "电话",
        "staff1"), Instant.now());
    assertThat(publicityDates.check(session, 2, reviewDay.plusDays(7))).extracting(Violation::finding)
        .containsExactly("应晚于第1次公示的结束日期 " + reviewDay.plusDays(7));
    assertThat(publicityDates.check(session, 2, reviewDay.plusDays(8))).isEmpty();
  }

  /** Publicity dated before the review cannot answer 是 on 附件1, whatever an earlier gate said. */
  @Test
  void absurdPublicityDatesAnswerNoOnTheRecord() {
    ReviewSession session = fixture.sessionWithVotes();
    LocalDate year = session.plannedReviewStart().minusYears(1);
    publicity.saveRound(session.id(), new PublicityRound(1, year, year.plusDays(7), "电话", "staff1"), Instant.now());
    publicity.saveRound(session.id(), new PublicityRound(2, year.plusDays(10), year.plusDays(17), "电话", "staff1"),
        Instant.now());
    for (String key : List.of("publicity-1", "publicity-2")) {
      gateResults.record(session.id(), key, key, List.of(), "test", Instant.now(), "supervisor1", null);
    }
    assertThat(records.form(session).item("是否二次公示").orElseThrow())
        .satisfies(item -> {
          assertThat(item.answer()).isEqualTo("否");
          assertThat(item.evidence()).contains("公示在评审和复核之后", "早于评审结束时间");
        });
  }

  @Test
  void signaturesComeAfterTheArchive() {
    ReviewSession session = fixture.sessionWithVotes();
    Instant archived = Instant.now();
    archive.add(session.id(), ArchiveItem.MINUTES, "minutes.pdf", "application/pdf", "%PDF".getBytes(), "0".repeat(64),
        "staff1", archived);
    signatures.add(session.id(), "UNIT_HEAD", "unithead1", archived.minus(Duration.ofHours(1)),
        records.hash(session));
    signatures.add(session.id(), "SUPERVISOR", "supervisor1", archived.plus(Duration.ofHours(1)),
        records.hash(session));
    List<Violation> violations = signatureGate.check(context(session));
    assertThat(violations).filteredOn(v -> v.rule().equals("签字晚于评审和归档") && v.finding().contains("归档材料"))
        .extracting(Violation::subject).containsExactly("评委会组建单位负责人签字(盖章)（unithead1）");
    // The fixture's review lies two days ahead: a signature of today predates it, which no record may show.
    assertThat(violations).filteredOn(v -> v.finding().contains("早于评审结束时间")).hasSize(2);
  }
}

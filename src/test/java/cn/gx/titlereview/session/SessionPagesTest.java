package cn.gx.titlereview.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import cn.gx.titlereview.workflow.gate.GateResultRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The two pages a rectification task points to instead of the API: every violation of every gate run (合规检查记录),
 * and the unit head's 调整评审日期. Both for the session's own people only.
 */
@IntegrationTest
class SessionPagesTest {

  @LocalServerPort int port;
  @Autowired SessionWalk walk;
  @Autowired GateResultRepository gateResults;

  @Test
  void theGateHistoryPageListsEveryViolationForTheSessionsPeopleOnly() {
    String code = "PAGES-G-" + System.nanoTime();
    ReviewSession session = walk.start(code, "staff4");
    List<Violation> many = IntStream.rangeClosed(1, 60)
        .mapToObj(i -> new Violation("资格审查", "申报人 SB" + i, "未通过资格审查，却进入了评审")).toList();
    gateResults.record(session.id(), "eligibility", "合规检查：资格审查", many, "v1", Instant.now(), "staff4", null);
    Api api = new Api(port);

    Api.Reply page = api.get("/sessions/" + code + "/gates", "staff1");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("合规检查记录", "未通过", "申报人 SB1：", "申报人 SB60：");
    assertThat(api.get("/sessions/" + code + "/gates", "supervisor1").status()).isEqualTo(200);
    assertThat(api.get("/sessions/" + code + "/gates", "staff3").status()).isEqualTo(403);
    assertThat(api.get("/sessions/" + code + "/gates", null).status()).isIn(302, 401);
  }

  @Test
  void theUnitHeadMovesTheReviewDaysOnThePageAndEveryoneOnTheSessionSeesTheChange() {
    String code = "PAGES-R-" + System.nanoTime();
    ReviewSession session = walk.start(code, "");
    Api api = new Api(port);

    assertThat(api.get("/sessions/" + code + "/review-plan", "staff1").body())
        .contains("只有组建单位负责人可以调整评审日期").doesNotContain("name=\"plannedReviewStart\"");
    String form = api.get("/sessions/" + code + "/review-plan", "unithead1").body();
    assertThat(form).contains("name=\"plannedReviewStart\"", "name=\"reason\"", "/api/sessions/" + code + "/review-plan");

    // What the page's form sends.
    Api.Reply moved = api.postJson("/api/sessions/" + code + "/review-plan", "unithead1", """
        {"plannedReviewStart":"%s","plannedReviewEnd":"%s","reason":"评审场地调整，改期举行"}"""
        .formatted(session.plannedReviewStart().plusDays(7), session.plannedReviewEnd().plusDays(7)));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(api.get("/sessions/" + code + "/review-plan", "staff1").body())
        .contains("评审场地调整，改期举行", session.plannedReviewStart().plusDays(7) + " 至 ");
    assertThat(api.get("/sessions/" + code + "/review-plan", "staff3").status()).isEqualTo(403);
  }
}

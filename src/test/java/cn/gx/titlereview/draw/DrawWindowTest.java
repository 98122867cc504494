package cn.gx.titlereview.draw;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.draw.DrawRepository.Draw;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawWindowTest {

  static final LocalDate REVIEW = LocalDate.of(2026, 12, 10);
  final DrawWindow window = new DrawWindow(3);
  final ReviewSession session = new ReviewSession(1, "W-1", "测试评委会", "正高", "工程", 2026, "单位", "核准", false,
      REVIEW, REVIEW.plusDays(2), null, 1);

  @Test
  void aDrawAndNotificationsWithinThreeDaysBeforeTheReviewPass() {
    assertThat(window.check(session, drawnAt("2026-12-07T00:00"), List.of(notified("2026-12-09T23:59")))).isEmpty();
  }

  @Test
  void aDrawBeforeTheWindowOpensFails() {
    assertThat(window.check(session, drawnAt("2026-12-06T23:59"), List.of()))
        .extracting(Violation::finding).containsExactly(
            "于 2026-12-06 23:59 抽取，不在评审开始日 2026-12-10 前 3 天内（2026-12-07 00:00 至 2026-12-10 00:00）");
  }

  @Test
  void aDrawOnTheReviewDayFails() {
    assertThat(window.check(session, drawnAt("2026-12-10T08:00"), List.of())).hasSize(1);
  }

  @Test
  void aNotificationAfterTheReviewStartsOrBeforeTheDrawFails() {
    assertThat(window.check(session, drawnAt("2026-12-08T09:00"),
        List.of(notified("2026-12-10T00:00"), notified("2026-12-08T08:00"))))
        .extracting(Violation::finding).containsExactly(
            "通知时间 2026-12-10 00:00 不早于评审开始 2026-12-10 00:00",
            "通知时间 2026-12-08 08:00 早于抽取时间 2026-12-08 09:00");
  }

  @Test
  void theWindowIsASetting() {
    assertThat(new DrawWindow(5).check(session, drawnAt("2026-12-05T10:00"), List.of())).isEmpty();
  }

  private static Instant at(String time) {
    return LocalDateTime.parse(time).atZone(PlatformConfig.ZONE).toInstant();
  }

  private static Draw drawnAt(String time) {
    return new Draw(30, "0".repeat(64), "ab", 25, 10, 3, at(time), Draw.ONLINE);
  }

  private static DrawnExpert notified(String time) {
    return new DrawnExpert(1, "E01", "专家一", "单位", "土木工程", 1, DrawnExpert.MEMBER, DrawnExpert.ACCEPTED, null,
        at(time), "staff1", null, DrawnExpert.BY_STAFF);
  }
}

package cn.gx.titlereview.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.support.Api;
import cn.gx.titlereview.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shipped 2025 and 2026 notices, as loaded at start, and the rules of counting. */
@IntegrationTest
class WorkingDayCalendarTest {

  @LocalServerPort int port;
  @Autowired WorkingDayCalendar calendar;

  @Test
  void fiveWorkingDaysAcrossNationalDay2026EndOnTheMakeUpSaturday() {
    // 9/29 and 9/30 work, 10/1–10/7 are holidays, 10/8 and 10/9 work, Saturday 10/10 is a make-up working day.
    assertThat(calendar.nthWorkingDay(LocalDate.of(2026, 9, 29), 5)).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 9))).isEqualTo(4);
  }

  @Test
  void aPeriodWithAMakeUpSaturdayCountsIt() {
    assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 14))).isEqualTo(6);
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 19))).isFalse();
  }

  @Test
  void theSpringFestivalHolidaysAreSkipped() {
    assertThat(calendar.nthWorkingDay(LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 25));
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 8))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 2))).isTrue();
  }

  @Test
  void aYearWithoutDataFailsLoudly() {
    assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 8)))
        .isInstanceOf(MissingCalendarYearException.class).hasMessageStartingWith("2027 年的法定节假日和调休安排尚未录入");
    assertThatThrownBy(() -> calendar.nthWorkingDay(LocalDate.of(2026, 12, 28), 5))
        .isInstanceOf(MissingCalendarYearException.class);
  }

  @Test
  void aNoticeIsCheckedBeforeItIsStored() {
    assertThatThrownBy(() -> calendar.replaceYear(new YearNotice(2029, "测试", List.of(LocalDate.of(2028, 1, 1)),
        List.of(LocalDate.of(2029, 1, 3))), "admin", Instant.now()))
        .hasMessageContaining("放假日期 2028-01-01 不在 2029 年内").hasMessageContaining("2029-01-03 不是周末");
  }

  @Test
  void onlyAdministratorsEnterNextYearsNotice() {
    String notice = """
        {"source":"国务院办公厅关于2031年部分节假日安排的通知","holidays":["2031-01-01"],"workdays":["2031-01-04"]}""";
    Api api = new Api(port);
    assertThat(api.putJson("/api/calendar/2031", "staff1", notice).status()).isEqualTo(403);
    assertThat(api.get("/api/calendar/2031", "staff1").status()).isEqualTo(404);
    assertThat(api.putJson("/api/calendar/2031", "admin", notice).status()).isEqualTo(200);
    assertThat(api.get("/api/calendar/2031", "staff1").body()).contains("2031-01-04");
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
  }
}

package cn.gx.titlereview.calendar;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the notices shipped in calendar/cn-working-days.json for the years the database does not have yet; a year
 * an administrator has entered or corrected is left alone.
 */
@Component
class CalendarLoader implements ApplicationRunner {

  static final String SHIPPED = "/calendar/cn-working-days.json";

  private final WorkingDayCalendar calendar;
  private final CalendarRepository repository;
  private final ObjectMapper json;
  private final Clock clock;

  CalendarLoader(WorkingDayCalendar calendar, CalendarRepository repository, ObjectMapper json, Clock clock) {
    this.calendar = calendar;
    this.repository = repository;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    Set<Integer> present = new HashSet<>(repository.years());
    try (InputStream in = CalendarLoader.class.getResourceAsStream(SHIPPED)) {
      List<YearNotice> notices = json.readValue(in, new TypeReference<>() {
      });
      notices.stream().filter(n -> !present.contains(n.year()))
          .forEach(n -> calendar.replaceYear(n, "system", clock.instant()));
    } catch (IOException e) {
      throw new UncheckedIOException("工作日历文件 " + SHIPPED + " 无法读取", e);
    }
  }
}

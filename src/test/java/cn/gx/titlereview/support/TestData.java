package cn.gx.titlereview.support;

import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.session.NewSession;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.workflow.gate.GateContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Builds sessions and import files for the Spring tests. */
@Component
public class TestData {

  /** Two days ahead, so that a draw made now is inside the draw window (评审开始前 3 天内). */
  public static final LocalDate REVIEW_START = LocalDate.now(PlatformConfig.ZONE).plusDays(2);

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final SessionRepository sessions;
  private final TestRegion region;
  private final ObjectMapper json;

  public TestData(SessionRepository sessions, TestRegion region, ObjectMapper json) {
    this.sessions = sessions;
    this.region = region;
    this.json = json;
  }

  /** A stored session (without a process instance) of unit A, with staff1 and staff4 as its staff. */
  public ReviewSession session(String level) {
    return session(level, "测试评委会");
  }

  public ReviewSession session(String level, String committeeName) {
    return session(level, committeeName, 2026);
  }

  /** As above, reviewing in {@code year} (a committee's sessions of earlier years). */
  public ReviewSession session(String level, String committeeName, int year) {
    String code = "IT-" + SEQUENCE.incrementAndGet();
    long committee = region.committee(committeeName, level).id();
    LocalDate start = REVIEW_START.withYear(year);
    long id = sessions.insert(new NewSession(code, committeeName, level, "工程", year, "南宁建设工程集团有限公司",
        "广西壮族自治区职称改革工作领导小组办公室", false, start, start.plusDays(2), List.of(), committee),
        null, "staff1", Instant.now());
    sessions.addStaff(id, List.of("staff1", "staff4"));
    return sessions.get(id);
  }

  public ImportFile json(Object rows) {
    try {
      return new ImportFile("test.json", json.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  public static GateContext context(ReviewSession session, Object... variables) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      map.put((String) variables[i], variables[i + 1]);
    }
    return new GateContext(session, map);
  }
}

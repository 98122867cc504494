package cn.gx.titlereview.training;

import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.importing.UploadReader;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff record which attending experts signed 附件2 on paper. */
@RestController
@RequestMapping("/api/sessions/{code}/expert-pledges")
public class ExpertPledgeController {

  static final Column CODE = required("expertCode", "专家编号");

  private final SessionAccess access;
  private final ExpertDrawService drawService;
  private final PledgeRepository pledges;
  private final TableReader reader;
  private final Clock clock;

  public ExpertPledgeController(SessionAccess access, ExpertDrawService drawService, PledgeRepository pledges,
      TableReader reader, Clock clock) {
    this.access = access;
    this.drawService = drawService;
    this.pledges = pledges;
    this.reader = reader;
    this.clock = clock;
  }

  @PostMapping
  @Transactional
  public Map<String, Object> record(@PathVariable String code, HttpServletRequest request) {
    ReviewSession session = access.forStaff(code);
    Map<String, DrawnExpert> attending = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .collect(Collectors.toMap(DrawnExpert::expertCode, Function.identity()));
    List<Long> ids = reader.read(UploadReader.read(request), List.of(CODE), row -> {
      String expertCode = row.text(CODE);
      DrawnExpert expert = expertCode == null ? null : attending.get(expertCode);
      if (expertCode != null && expert == null) {
        row.problem(CODE, expertCode + " 不是本评审会确认出席的评委");
      }
      return expert == null ? null : expert.expertId();
    });
    pledges.recordExpertPledges(session.id(), ids, access.userId(), clock.instant());
    return Map.of("recorded", ids.size());
  }
}

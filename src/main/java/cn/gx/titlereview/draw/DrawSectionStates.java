package cn.gx.titlereview.draw;

import cn.gx.titlereview.library.LibrarySnapshots;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.LastImport;
import cn.gx.titlereview.workflow.SectionStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The roster's section and the draw's: the experts to draw from, and who was drawn and has answered. */
@Component
class DrawSectionStates implements SectionStates {

  private final RosterRepository roster;
  private final DrawRepository draws;
  private final LibrarySnapshots snapshots;
  private final LastImport lastImport;

  DrawSectionStates(RosterRepository roster, DrawRepository draws, LibrarySnapshots snapshots,
      LastImport lastImport) {
    this.roster = roster;
    this.draws = draws;
    this.snapshots = snapshots;
    this.lastImport = lastImport;
  }

  @Override
  public Set<String> sections() {
    return Set.of("roster", "draw");
  }

  @Override
  public List<String> describe(String section, ReviewSession session) {
    return "roster".equals(section) ? roster(session) : drawn(session.id());
  }

  /** The roster: the library's version frozen for the session, or the one-off list imported for it. */
  private List<String> roster(ReviewSession session) {
    long sessionId = session.id();
    int count = roster.count(sessionId);
    List<String> lines = new ArrayList<>();
    if (count == 0) {
      lines.add(snapshots.current(session.committeeId()).map(v -> "评委会专家库现为第 " + v.version() + " 版，"
          + v.expertCount() + " 人：名册检查时整库冻结为本评审会的抽取名单，无需另行导入").orElse("尚未导入评委名册"));
    } else {
      lines.add(snapshots.of(sessionId).filter(s -> !s.oneOff()).map(s -> "专家库第 " + s.version() + " 版（名册检查时冻结）")
          .orElse("评委名册") + " " + count + " 人，其中暂停 " + roster.suspended(sessionId).size() + " 人");
    }
    lastImport.line(sessionId, RosterImportService.KIND).ifPresent(lines::add);
    return lines;
  }

  private List<String> drawn(long sessionId) {
    List<DrawnExpert> drawn = draws.drawn(sessionId);
    if (drawn.isEmpty()) {
      return List.of("尚未抽取评委");
    }
    long members = drawn.stream().filter(e -> DrawnExpert.MEMBER.equals(e.role())).count();
    long answered = drawn.stream().filter(e -> e.response() != null).count();
    long attending = drawn.stream().filter(DrawnExpert::attending).count();
    long awaiting = drawn.stream().filter(e -> DrawnExpert.MEMBER.equals(e.role()) && e.response() == null).count();
    long himself = drawn.stream().filter(e -> e.response() != null && e.answeredHimself()).count();
    return List.of("已抽取评委 " + members + " 人、候补 " + (drawn.size() - members) + " 人；已答复 " + answered
        + " 人（本人通过链接 " + himself + " 人，工作人员代填 " + (answered - himself) + " 人），确认出席 " + attending
        + " 人" + (awaiting > 0 ? "；尚待答复 " + awaiting + " 人" : ""));
  }
}

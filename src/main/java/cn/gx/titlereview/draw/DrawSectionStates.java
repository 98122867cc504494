package cn.gx.titlereview.draw;

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
  private final LastImport lastImport;

  DrawSectionStates(RosterRepository roster, DrawRepository draws, LastImport lastImport) {
    this.roster = roster;
    this.draws = draws;
    this.lastImport = lastImport;
  }

  @Override
  public Set<String> sections() {
    return Set.of("roster", "draw");
  }

  @Override
  public List<String> describe(String section, ReviewSession session) {
    return "roster".equals(section) ? roster(session.id()) : drawn(session.id());
  }

  private List<String> roster(long sessionId) {
    int count = roster.count(sessionId);
    List<String> lines = new ArrayList<>();
    lines.add(count == 0 ? "尚未导入评委名册" : "评委名册 " + count + " 人，其中暂停 " + roster.suspended(sessionId).size() + " 人");
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

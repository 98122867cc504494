package cn.gx.titlereview.workspace;

import cn.gx.titlereview.archive.ArchiveItem;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.review.DisciplineIncidents;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 数据工作台: the uploads and lists a form in Tasklist cannot carry (Camunda Forms have no file picker), on one page
 * per session, in the order of the stages, each section with what it holds now. A section takes data in its stage;
 * before, it says when it opens, after, it keeps what was entered for reading. Linked from the Tasklist forms.
 */
@Controller
public class WorkspacePageController {

  /** A section as the page shows it: its state now and whether it takes data in the current stage. */
  public record SectionView(WorkspaceSection section, List<String> state, boolean open, String notice,
      List<ImportJournal.Entry> imports) {
  }

  private final SessionAccess access;
  private final DataState dataState;
  private final ImportJournal journal;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;
  private final PersonNames names;
  private final DisciplineIncidents incidents;

  public WorkspacePageController(SessionAccess access, DataState dataState, ImportJournal journal,
      RuntimeService runtimeService, SystemAuthority system, PersonNames names, DisciplineIncidents incidents) {
    this.access = access;
    this.dataState = dataState;
    this.journal = journal;
    this.runtimeService = runtimeService;
    this.system = system;
    this.names = names;
    this.incidents = incidents;
  }

  @GetMapping("/sessions/{code}/workspace")
  public String workspace(@PathVariable String code, Model model) {
    boolean supervisor = access.isIn(Groups.SUPERVISOR);
    ReviewSession session = access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR);
    Optional<Stage> current = currentStage(session);
    boolean running = current.isPresent() || isRunning(session);
    model.addAttribute("reviewSession", session);
    model.addAttribute("supervisor", supervisor);
    model.addAttribute("user", names.label(access.userId()));
    model.addAttribute("stage", current.map(Stage::title).orElse(running ? "" : "已结束"));
    model.addAttribute("sections", Arrays.stream(WorkspaceSection.values())
        .map(s -> view(session, s, current, running)).toList());
    model.addAttribute("archiveItems", ArchiveItem.values());
    model.addAttribute("incidents", supervisor ? incidents.list(session.id()) : List.of());
    return "workspace";
  }

  private SectionView view(ReviewSession session, WorkspaceSection section, Optional<Stage> current,
      boolean running) {
    boolean open = running && (section.stages().isEmpty() || current.map(section.stages()::contains).orElse(false));
    String notice = "";
    if (!open && !running) {
      notice = "评审会已结束，此处数据仅供查看";
    } else if (!open) {
      Stage first = section.stages().get(0);
      boolean before = current.map(c -> c.ordinal() < first.ordinal()).orElse(true);
      notice = before ? "将于“" + first.title() + "”阶段开放" : "“" + first.title() + "”阶段已结束，此处数据仅供查看";
    }
    return new SectionView(section, dataState.describe(session, section), open, notice,
        section.list() == null ? List.of() : journal.history(session.id(), section.list()));
  }

  /** The stage the session is in: the call activity of the main process that is running now. */
  private Optional<Stage> currentStage(ReviewSession session) {
    return system.call(() -> isRunning(session)
        ? runtimeService.getActiveActivityIds(session.processInstanceId()).stream().map(Stage::ofActivity)
            .flatMap(Optional::stream).findFirst()
        : Optional.empty());
  }

  private boolean isRunning(ReviewSession session) {
    return session.processInstanceId() != null && system.call(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceId(session.processInstanceId()).count()) > 0;
  }
}

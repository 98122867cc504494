package cn.gx.titlereview.demo;

import cn.gx.titlereview.archive.ArchiveItem;
import cn.gx.titlereview.archive.ArchiveRepository;
import cn.gx.titlereview.draw.DrawVerification;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.ExpertDrawService;
import cn.gx.titlereview.draw.OfflineDrawService;
import cn.gx.titlereview.draw.ReproducibleDraw;
import cn.gx.titlereview.draw.RosterImportService;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantImportService;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.review.AttendanceService;
import cn.gx.titlereview.review.RecusalDeclarations;
import cn.gx.titlereview.review.RecusalReasons;
import cn.gx.titlereview.review.ReviewService;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.training.ExpertPledgeService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

/**
 * Demo only: does the data work that staff would do through imports and the API for the session's open staff
 * task, with {@link DemoData}, through the same services a real import uses. A newcomer can then walk a whole
 * session in Tasklist in minutes.
 */
@Service
@Profile("demo")
public class DemoSessionFiller {

  public static final int ROSTER = 240;

  /** Applicants per session: {@code titlereview.demo.applicants} (the season benchmark raises it). */
  private final int applicantCount;

  private final TaskService taskService;
  private final ApplicantImportService applicantImport;
  private final ApplicantRepository applicants;
  private final RosterImportService rosterImport;
  private final ExpertDrawService drawService;
  private final ExpertPledgeService expertPledges;
  private final ReviewService reviewService;
  private final AttendanceService attendance;
  private final RecheckService recheckService;
  private final ArchiveRepository archive;
  private final ObjectMapper json;
  private final Clock clock;
  private final DrawVerification drawVerification;
  private final OfflineDrawService offlineDraw;
  private final ReviewTimes reviewTimes;
  private final RecusalReasons recusalReasons;
  private final RecusalDeclarations declarations;

  public DemoSessionFiller(TaskService taskService, ApplicantImportService applicantImport,
      ApplicantRepository applicants, RosterImportService rosterImport, ExpertDrawService drawService,
      ExpertPledgeService expertPledges, ReviewService reviewService, AttendanceService attendance,
      RecheckService recheckService, ArchiveRepository archive, ObjectMapper json, Clock clock,
      DrawVerification drawVerification, OfflineDrawService offlineDraw, ReviewTimes reviewTimes,
      RecusalReasons recusalReasons, RecusalDeclarations declarations, DemoSettings settings) {
    this.applicantCount = settings.applicants();
    this.taskService = taskService;
    this.applicantImport = applicantImport;
    this.applicants = applicants;
    this.rosterImport = rosterImport;
    this.drawService = drawService;
    this.expertPledges = expertPledges;
    this.reviewService = reviewService;
    this.attendance = attendance;
    this.recheckService = recheckService;
    this.archive = archive;
    this.json = json;
    this.clock = clock;
    this.drawVerification = drawVerification;
    this.offlineDraw = offlineDraw;
    this.reviewTimes = reviewTimes;
    this.recusalReasons = recusalReasons;
    this.declarations = declarations;
  }

  /** Fills the data of the open task the user can see; returns what was done, in Chinese. */
  public String fill(ReviewSession session, String user) {
    List<String> open = taskService.createTaskQuery().processInstanceBusinessKey(session.code()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
    for (String task : open) {
      String done = fillFor(task, session, user);
      if (done != null) {
        return done;
      }
    }
    throw BusinessException.conflict("评审会 " + session.code() + " 当前没有需要导入演示数据的任务（待办：" + open + "）");
  }

  private String fillFor(String task, ReviewSession session, String user) {
    return switch (task) {
      case "Task_ReviewEligibility", "Task_RectifyEligibility" -> "已导入申报人员 " + applicantImport.replace(session,
          file("applicants", DemoData.applicants(session.level(), session.series(), applicantCount, 1)), user) + " 人";
      case "Task_ImportRoster" -> "已导入评委名册 " + rosterImport.replace(session,
          file("roster", DemoData.roster(ROSTER, 2)), user) + " 人";
      case "Task_ImportOfflineDraw" -> offlineDrawHere(session, user);
      case "Task_RecordExpertResponses" -> respondAll(session, user);
      case "Task_RecordTrainingAndExpertPledges" -> recordPledges(session, user);
      case "Task_FormReviewGroups" -> {
        reviewService.applyPlan(session, reviewService.proposePlan(session));
        yield "已按专业组建评议组并分配审阅专家";
      }
      case "Task_RecordVotes" -> declarationsOnPaper(session, user) + "已登记评审出席情况及表决结果 "
          + reviewService.importVotes(session, votes(session, user), user) + " 人，评审时间 "
          + reviewTimes.record(session, reviewTimes(session), user) + " 个评议组";
      case "Task_FirstRecheck" -> "已登记第一人复核 " + recheck(session, 1, user) + " 人";
      case "Task_SecondRecheck" -> "已登记第二人复核 " + recheck(session, 2, user) + " 人";
      case "Task_UploadArchive" -> uploadArchive(session, user);
      default -> null;
    };
  }

  /** The first drawn member declines (so a reserve steps in, on record); everyone else accepts. */
  private String respondAll(ReviewSession session, String user) {
    int rounds = 0;
    int recorded = 0;
    while (rounds++ < 5) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (DrawnExpert d : drawService.drawn(session.id())) {
        if (DrawnExpert.MEMBER.equals(d.role()) && d.response() == null) {
          boolean decline = recorded == 0 && rows.isEmpty();
          rows.add(row("expertCode", d.expertCode(), "accepted", !decline,
              "declineReason", decline ? "出差在外，无法出席" : null));
        }
      }
      if (rows.isEmpty()) {
        break;
      }
      recorded += drawService.recordResponses(session, file("responses", rows), user);
    }
    return "已登记评委通知及出席情况 " + recorded + " 人（含 1 人不出席、候补递补）";
  }

  /**
   * 回避申报 of the members who did not declare through their links (in the demo nobody opens them unless the tour
   * does): staff record that each declared none on paper at the venue.
   */
  private String declarationsOnPaper(ReviewSession session, String user) {
    var declared = declarations.bySession(session.id()).keySet();
    List<Map<String, Object>> rows = drawService.drawn(session.id()).stream()
        .filter(d -> d.attending() && !declared.contains(d.expertId()))
        .map(d -> row("expertCode", d.expertCode(), "note", "未通过链接申报，评审现场书面声明无须回避（演示数据）")).toList();
    return rows.isEmpty() ? "" : "已登记 " + recusalReasons.record(session, file("recusal-declarations", rows), user)
        + " 名评委的回避申报说明，";
  }

  private String recordPledges(ReviewSession session, String user) {
    attendance.record(session, AttendanceService.TRAINING, allPresent(session), user);
    List<Map<String, Object>> rows = drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .map(d -> row("expertCode", d.expertCode())).toList();
    return "已登记评前培训出席情况，及 " + expertPledges.record(session, file("pledges", rows), user) + " 名专家签署工作守则";
  }

  private ImportFile allPresent(ReviewSession session) {
    return file("attendance", drawService.drawn(session.id()).stream().filter(DrawnExpert::attending)
        .map(d -> row("expertCode", d.expertCode(), "present", true)).toList());
  }

  /** Everyone attending is present and votes; every seventh applicant falls short of two thirds. */
  private ImportFile votes(ReviewSession session, String user) {
    attendance.record(session, AttendanceService.REVIEW, allPresent(session), user);
    int present = (int) drawService.drawn(session.id()).stream().filter(DrawnExpert::attending).count();
    List<Map<String, Object>> rows = new ArrayList<>();
    int i = 0;
    for (Applicant a : applicants.list(session.id())) {
      if (!a.eligible()) {
        continue;
      }
      int yes = i++ % 7 == 3 ? present / 2 : present - 2;
      rows.add(row("applicantNo", a.applicantNo(), "votersPresent", present, "yes", yes, "no", present - yes - 1,
          "abstain", 1));
    }
    return file("votes", rows);
  }

  /** Each review group reviews from 09:00 to 17:00 on the first planned day. */
  private ImportFile reviewTimes(ReviewSession session) {
    String day = session.plannedReviewStart().toString();
    return file("review-times", reviewTimes.groupNames(session).stream()
        .map(g -> row("groupName", g, "startedAt", day + "T09:00", "endedAt", day + "T17:00")).toList());
  }

  private int recheck(ReviewSession session, int round, String user) {
    List<Map<String, Object>> rows = recheckService.passedApplicants(session.id()).stream()
        .map(a -> row("applicantNo", a.applicantNo(), "problem", false)).toList();
    return recheckService.record(session, round, file("recheck", rows), user);
  }

  private String uploadArchive(ReviewSession session, String user) {
    for (ArchiveItem item : ArchiveItem.values()) {
      byte[] pdf = ("%PDF-1.4\n% 演示归档文件：" + item.title() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
      archive.add(session.id(), item, item.name().toLowerCase() + ".pdf", "application/pdf", pdf,
          ImportFile.sha256(pdf), user, clock.instant());
    }
    return "已上传 5 项归档材料";
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }

  /** Demo only: runs the offline program's draw on this server, as the jar would on the offline computer. */
  private String offlineDrawHere(ReviewSession session, String user) {
    ReproducibleDraw.ResultFile result = ReproducibleDraw.drawOffline(drawVerification.pool(session), "演示离线抽取",
        new SecureRandom(), clock.instant());
    try {
      offlineDraw.accept(session, new ImportFile("demo-offline-result.json",
          ReproducibleDraw.FILES.writeValueAsBytes(result)), user);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return "已模拟离线抽取并上传结果文件（演示：实际应在不联网的电脑上运行 draw-offline）";
  }

  private ImportFile file(String name, List<Map<String, Object>> rows) {
    try {
      return new ImportFile("demo-" + name + ".json", json.writeValueAsString(rows).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

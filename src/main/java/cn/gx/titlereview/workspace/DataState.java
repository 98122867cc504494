package cn.gx.titlereview.workspace;

import cn.gx.titlereview.archive.ArchiveItem;
import cn.gx.titlereview.archive.ArchiveRepository;
import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.draw.DrawnExpert;
import cn.gx.titlereview.draw.RosterImportService;
import cn.gx.titlereview.draw.RosterRepository;
import cn.gx.titlereview.library.LibrarySnapshots;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.importing.ImportBatchRepository;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantImportService;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.publicity.PublicityRepository;
import cn.gx.titlereview.recheck.RecheckFinding;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.region.PersonNames;
import cn.gx.titlereview.review.AttendanceService;
import cn.gx.titlereview.review.RecusalDeclarations;
import cn.gx.titlereview.review.RecusalRepository;
import cn.gx.titlereview.review.ReviewRepository;
import cn.gx.titlereview.review.ReviewTimes;
import cn.gx.titlereview.review.VoteAmendment;
import cn.gx.titlereview.review.VoteAmendmentRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionRepository;
import cn.gx.titlereview.training.PledgeRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a section of the 数据工作台 holds now, in a civil servant's words: counts, who imported what and when, and
 * what is still missing. Shown at the top of each data task's form, and on the page itself.
 */
@Component
class DataState {

  private final SessionRepository sessions;
  private final ApplicantRepository applicants;
  private final RosterRepository roster;
  private final DrawRepository draws;
  private final AttendanceService attendance;
  private final PledgeRepository pledges;
  private final ReviewRepository reviews;
  private final RecusalRepository recusals;
  private final RecusalDeclarations declarations;
  private final ReviewTimes reviewTimes;
  private final RecheckRepository rechecks;
  private final RecheckService recheckService;
  private final PublicityRepository publicity;
  private final ArchiveRepository archive;
  private final ImportBatchRepository batches;
  private final VoteAmendmentRepository amendments;
  private final PersonNames names;
  private final LibrarySnapshots snapshots;

  DataState(SessionRepository sessions, ApplicantRepository applicants, RosterRepository roster,
      DrawRepository draws, AttendanceService attendance, PledgeRepository pledges, ReviewRepository reviews,
      RecusalRepository recusals, RecusalDeclarations declarations, ReviewTimes reviewTimes,
      RecheckRepository rechecks, RecheckService recheckService,
      PublicityRepository publicity, ArchiveRepository archive, ImportBatchRepository batches,
      VoteAmendmentRepository amendments, PersonNames names, LibrarySnapshots snapshots) {
    this.snapshots = snapshots;
    this.sessions = sessions;
    this.applicants = applicants;
    this.roster = roster;
    this.draws = draws;
    this.attendance = attendance;
    this.pledges = pledges;
    this.reviews = reviews;
    this.recusals = recusals;
    this.declarations = declarations;
    this.reviewTimes = reviewTimes;
    this.rechecks = rechecks;
    this.recheckService = recheckService;
    this.publicity = publicity;
    this.archive = archive;
    this.batches = batches;
    this.amendments = amendments;
    this.names = names;
  }

  /** The section's state, one fact a line. */
  public List<String> describe(ReviewSession session, WorkspaceSection section) {
    long id = session.id();
    List<String> lines = new ArrayList<>();
    switch (section) {
      case STAFF -> lines.add("工作人员：" + sessions.staff(id).stream().map(names::nameWithAccount)
          .collect(Collectors.joining("、")));
      case APPLICANTS -> {
        List<Applicant> all = applicants.list(id);
        long eligible = all.stream().filter(Applicant::eligible).count();
        lines.add(all.isEmpty() ? "尚未导入申报人员名单" : "已导入申报人员 " + all.size() + " 人：资格审查通过 "
            + eligible + " 人，不通过 " + (all.size() - eligible) + " 人");
        lastImport(id, ApplicantImportService.KIND).ifPresent(lines::add);
      }
      case ROSTER -> {
        int count = roster.count(id);
        var snapshot = snapshots.of(id).filter(s -> !s.oneOff());
        if (count == 0) {
          lines.add(snapshots.current(session.committeeId()).map(v -> "评委会专家库现为第 " + v.version() + " 版，"
              + v.expertCount() + " 人：名册检查时整库冻结为本评审会的抽取名单，无需另行导入").orElse("尚未导入评委名册"));
        } else {
          lines.add(snapshot.map(s -> "专家库第 " + s.version() + " 版（名册检查时冻结）").orElse("评委名册") + " " + count
              + " 人，其中暂停 " + roster.suspended(id).size() + " 人");
        }
        lastImport(id, RosterImportService.KIND).ifPresent(lines::add);
      }
      case DRAW -> {
        List<DrawnExpert> drawn = draws.drawn(id);
        if (drawn.isEmpty()) {
          lines.add("尚未抽取评委");
        } else {
          long members = drawn.stream().filter(e -> DrawnExpert.MEMBER.equals(e.role())).count();
          long answered = drawn.stream().filter(e -> e.response() != null).count();
          long attending = drawn.stream().filter(DrawnExpert::attending).count();
          long awaiting = drawn.stream().filter(e -> DrawnExpert.MEMBER.equals(e.role()) && e.response() == null)
              .count();
          long himself = drawn.stream().filter(e -> e.response() != null && e.answeredHimself()).count();
          lines.add("已抽取评委 " + members + " 人、候补 " + (drawn.size() - members) + " 人；已答复 " + answered
              + " 人（本人通过链接 " + himself + " 人，工作人员代填 " + (answered - himself) + " 人），确认出席 " + attending
              + " 人" + (awaiting > 0 ? "；尚待答复 " + awaiting + " 人" : ""));
        }
      }
      case ATTENDANCE -> lines.add("评前培训登记出席 " + attendance.presentCount(id, AttendanceService.TRAINING)
          + " 人；评审与表决登记出席 " + attendance.presentCount(id, AttendanceService.REVIEW) + " 人");
      case EXPERT_PLEDGES -> lines.add("已登记签署工作守则的评委 " + pledges.expertsWhoSigned(id).size() + " 人（本人通过链接确认 "
          + pledges.expertPledges(id).stream().filter(PledgeRepository.ExpertPledge::online).count() + " 人），已上传签字页 "
          + pledges.scans(id).size() + " 份");
      case REVIEW_GROUPS -> {
        int groups = reviews.groups(id).size();
        long eligible = applicants.list(id).stream().filter(Applicant::eligible).count();
        lines.add(groups == 0 ? "尚未组建评议组" : "评议组 " + groups + " 个；已分配审阅专家的申报人 "
            + reviews.assignments(id).size() + " / " + eligible + " 人");
      }
      case RECUSALS -> lines.add("已登记回避 " + recusals.list(id).size() + " 条；回避申报：本人申报 "
          + declarations.bySession(id).values().stream().filter(RecusalDeclarations.Declaration::byExpert).count()
          + " 人，工作人员说明 " + declarations.bySession(id).values().stream().filter(d -> !d.byExpert()).count() + " 人");
      case VOTES -> {
        var votes = reviews.votes(id);
        long eligible = applicants.list(id).stream().filter(Applicant::eligible).count();
        lines.add(votes.isEmpty() ? "尚未登记表决结果" : "已登记表决结果 " + votes.size() + " / " + eligible + " 人，通过 "
            + votes.values().stream().filter(ReviewRepository.VoteCount::passed).count() + " 人");
      }
      case REVIEW_TIMES -> {
        ReviewTimes.Assessment times = reviewTimes.assess(session);
        lines.add("已登记评审时间的评议组 " + times.times().size() + " 个"
            + (times.missingGroups().isEmpty() ? "" : "；尚缺：" + String.join("、", times.missingGroups())));
      }
      case RECHECKS -> {
        List<RecheckFinding> findings = rechecks.findings(id);
        int passed = recheckService.passedApplicants(id).size();
        for (int round = 1; round <= 2; round++) {
          int r = round;
          Set<String> by = findings.stream().filter(f -> f.round() == r).map(RecheckFinding::recordedBy)
              .collect(Collectors.toCollection(TreeSet::new));
          lines.add((round == 1 ? "第一人" : "第二人") + "复核已登记 "
              + findings.stream().filter(f -> f.round() == r).count() + " / " + passed + " 人"
              + (by.isEmpty() ? "" : "（" + by.stream().map(names::name).collect(Collectors.joining("、")) + "）"));
        }
        long open = findings.stream().filter(f -> f.problem() && f.disposition() == null).count();
        if (open > 0) {
          lines.add("待监督员处理的复核问题 " + open + " 个");
        }
      }
      case VOTE_AMENDMENTS -> {
        List<VoteAmendment> all = amendments.list(id);
        long pending = all.stream().filter(m -> VoteAmendment.PROPOSED.equals(m.status())).count();
        lines.add(all.isEmpty() ? "没有表决结果更正申请" : "表决结果更正申请 " + all.size() + " 件"
            + (pending > 0 ? "，待监督员审批 " + pending + " 件" : "，均已审批"));
      }
      case COMPLAINTS -> {
        var complaints = publicity.complaints(id);
        long unverified = complaints.stream().filter(c -> !c.verified()).count();
        lines.add("已登记信访件 " + complaints.size() + " 件" + (unverified > 0 ? "，待核查 " + unverified + " 件" : ""));
      }
      case ARCHIVE -> {
        Set<String> uploaded = archive.files(id).stream().map(ArchiveRepository.ArchiveFile::item)
            .collect(Collectors.toSet());
        List<String> missing = Arrays.stream(ArchiveItem.values()).filter(i -> !uploaded.contains(i.name()))
            .map(ArchiveItem::title).toList();
        int items = ArchiveItem.values().length;
        lines.add("归档材料 " + items + " 项中已上传 " + (items - missing.size()) + " 项"
            + (missing.isEmpty() ? "" : "；尚缺：" + String.join("；", missing)));
      }
    }
    return lines;
  }

  private Optional<String> lastImport(long sessionId, String kind) {
    return batches.latest(sessionId, kind).map(b -> "最近一次导入：" + names.name(b.importedBy()) + "，"
        + PlatformConfig.MINUTES.format(b.importedAt()) + "，文件 " + b.fileName() + "，" + b.rowCount() + " 行");
  }
}

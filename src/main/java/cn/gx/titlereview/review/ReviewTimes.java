package cn.gx.titlereview.review;

import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.draw.DrawRepository;
import cn.gx.titlereview.platform.PlatformConfig;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.review.ReviewRepository.Assignment;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.attestation.Attestation;
import cn.gx.titlereview.workflow.attestation.AttestationRepository;
import cn.gx.titlereview.workflow.gate.Violation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 合理安排评审时间: the recorded start and end of each review group, the minutes per applicant they give, and the
 * minimum per level from DMN {@code ReviewTimeRules}. Below the minimum, the unit head justifies in writing
 * ({@value #JUSTIFICATION}) after the times were recorded, or the review gate does not pass.
 */
@Service
public class ReviewTimes {

  public static final String JUSTIFICATION = "reviewTimeJustification";
  static final String RULE = "合理安排评审时间";
  static final Column GROUP = required("groupName", "评议组", "review_group_time.group_name");
  static final Column STARTED = required("startedAt", "开始时间");
  static final Column ENDED = required("endedAt", "结束时间");
  /** The import's columns, in the order of its .xlsx template (workspace/ImportTemplates). */
  public static final List<Column> COLUMNS = List.of(GROUP, STARTED, ENDED);
  static final String WITHIN_PLAN = "评审时间在计划评审日内";
  static final String AFTER_DRAW = "评审在抽取专家之后";
  static final DateTimeFormatter TIME = PlatformConfig.MINUTES;

  public record GroupTime(String groupName, Instant startedAt, Instant endedAt, int applicants) {

    public long minutes() {
      return Duration.between(startedAt, endedAt).toMinutes();
    }

    public double minutesPerApplicant() {
      return applicants == 0 ? minutes() : (double) minutes() / applicants;
    }

    public String describe() {
      return "评议组“" + groupName + "” " + TIME.format(startedAt) + "–" + TIME.format(endedAt) + "，申报人 " + applicants
          + " 人，平均每人 " + String.format("%.1f", minutesPerApplicant()) + " 分钟";
    }
  }

  /** The session's times against the minimum; {@code recordedAt} is when the times were last recorded. */
  public record Assessment(int minimum, List<GroupTime> times, List<String> missingGroups, Instant recordedAt,
      Attestation justification) {

    public List<GroupTime> belowMinimum() {
      return times.stream().filter(t -> t.applicants() > 0 && t.minutesPerApplicant() < minimum).toList();
    }

    /** A justification counts only if given after the times it justifies were recorded. */
    public boolean justified() {
      return justification != null && recordedAt != null && !justification.attestedAt().isBefore(recordedAt);
    }

    public boolean needsJustification() {
      return !belowMinimum().isEmpty() && !justified();
    }

    public String describe() {
      return times.stream().map(GroupTime::describe).collect(Collectors.joining("；")) + "（下限 " + minimum + " 分钟/人）";
    }
  }

  record Row(String groupName, Instant startedAt, Instant endedAt) {
  }

  private final JdbcClient jdbc;
  private final TableReader reader;
  private final ReviewRepository reviews;
  private final ApplicantRepository applicants;
  private final AttestationRepository attestations;
  private final LevelRules levelRules;
  private final DrawRepository draws;
  private final Clock clock;

  public ReviewTimes(JdbcClient jdbc, TableReader reader, ReviewRepository reviews, ApplicantRepository applicants,
      AttestationRepository attestations, LevelRules levelRules, DrawRepository draws, Clock clock) {
    this.jdbc = jdbc;
    this.reader = reader;
    this.reviews = reviews;
    this.applicants = applicants;
    this.attestations = attestations;
    this.levelRules = levelRules;
    this.draws = draws;
    this.clock = clock;
  }

  /** Replaces the session's review times, all or nothing: 评议组, 开始时间, 结束时间 (yyyy-MM-ddTHH:mm). */
  @Transactional
  public int record(ReviewSession session, ImportFile file, String user) {
    List<String> groups = groupNames(session);
    List<Row> rows = reader.read(file, COLUMNS, GROUP, row -> {
      String group = row.text(GROUP);
      Instant started = row.dateTime(STARTED);
      Instant ended = row.dateTime(ENDED);
      if (group != null && !groups.contains(group)) {
        row.problem(GROUP, "“" + group + "”不是本评审会的评议组（现有：" + String.join("、", groups) + "）");
      }
      if (started != null && ended != null && !ended.isAfter(started)) {
        row.problem(ENDED, "结束时间应晚于开始时间");
      }
      return new Row(group, started, ended);
    });
    jdbc.sql("delete from review_group_time where session_id = ?").param(session.id()).update();
    Timestamp now = Timestamp.from(clock.instant());
    for (Row r : rows) {
      jdbc.sql("""
              insert into review_group_time (session_id, group_name, started_at, ended_at, recorded_by, recorded_at)
              values (?, ?, ?, ?, ?, ?)""")
          .params(session.id(), r.groupName(), Timestamp.from(r.startedAt()), Timestamp.from(r.endedAt()), user, now)
          .update();
    }
    return rows.size();
  }

  public List<String> groupNames(ReviewSession session) {
    return reviews.groupNames(session.id());
  }

  /** When the last review group finished, once any finished. */
  public Optional<Instant> reviewEnded(long sessionId) {
    return jdbc.sql("select max(ended_at) from review_group_time where session_id = ?").param(sessionId)
        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
  }

  public Assessment assess(ReviewSession session) {
    return assess(session, applicantsPerGroup(applicants.list(session.id()), reviews.assignments(session.id())));
  }

  /**
   * How many applicants who passed the eligibility check each group reviews, counted from the rows a caller has
   * already read (the review gate and the record read them for their own rules).
   */
  public static Map<String, Long> applicantsPerGroup(List<Applicant> applicants, Map<Long, Assignment> assignments) {
    return applicants.stream().filter(Applicant::eligible).map(a -> assignments.get(a.id()))
        .filter(a -> a != null && a.groupName() != null)
        .collect(Collectors.groupingBy(Assignment::groupName, Collectors.counting()));
  }

  /** The assessment with each group's applicants as {@link #applicantsPerGroup} counts them. */
  public Assessment assess(ReviewSession session, Map<String, Long> perGroup) {
    List<Instant> recorded = new ArrayList<>();
    List<GroupTime> times = jdbc.sql("select * from review_group_time where session_id = ? order by group_name")
        .param(session.id())
        .query((rs, n) -> {
          recorded.add(rs.getTimestamp("recorded_at").toInstant());
          String group = rs.getString("group_name");
          return new GroupTime(group, rs.getTimestamp("started_at").toInstant(),
              rs.getTimestamp("ended_at").toInstant(), perGroup.getOrDefault(group, 0L).intValue());
        })
        .list();
    Set<String> timed = new HashSet<>(times.stream().map(GroupTime::groupName).toList());
    List<String> missing = groupNames(session).stream().filter(g -> !timed.contains(g)).toList();
    List<Attestation> justifications = attestations.history(session.id(), JUSTIFICATION);
    return new Assessment(minimum(session.level()), times, missing,
        recorded.stream().max(Instant::compareTo).orElse(null),
        justifications.isEmpty() ? null : justifications.get(justifications.size() - 1));
  }

  /**
   * The review gate's rules on time: every group has its times; they lie within the planned review days (a review
   * that moved is re-planned by the unit head, with a reason, before its times count) and after the draw; short
   * times are justified.
   */
  public List<Violation> violations(ReviewSession session, Map<String, Long> perGroup) {
    Assessment assessment = assess(session, perGroup);
    List<Violation> violations = new ArrayList<>();
    Instant planOpens = session.plannedReviewStart().atStartOfDay(PlatformConfig.ZONE).toInstant();
    Instant planCloses = session.plannedReviewEnd().plusDays(1).atStartOfDay(PlatformConfig.ZONE).toInstant();
    Optional<Instant> drawnAt = draws.find(session.id()).map(DrawRepository.Draw::drawnAt);
    for (GroupTime t : assessment.times()) {
      String subject = "评议组“" + t.groupName() + "”";
      String span = TIME.format(t.startedAt()) + "–" + TIME.format(t.endedAt());
      if (t.startedAt().isBefore(planOpens) || t.endedAt().isAfter(planCloses)) {
        violations.add(new Violation(WITHIN_PLAN, subject, "评审时间 " + span + " 不在计划评审日 "
            + session.plannedReviewStart() + " 至 " + session.plannedReviewEnd() + " 内；评审确已改期的，由组建单位负责人"
            + "在“调整评审日期”页面（/sessions/" + session.code() + "/review-plan）重新安排评审日期并说明理由，否则请更正评审时间"));
      }
      drawnAt.filter(t.startedAt()::isBefore).ifPresent(at -> violations.add(new Violation(AFTER_DRAW, subject,
          "评审开始时间 " + TIME.format(t.startedAt()) + " 早于抽取专家时间 " + TIME.format(at))));
    }
    assessment.missingGroups().forEach(g -> violations.add(new Violation(RULE, "评议组“" + g + "”",
        "未登记评审开始和结束时间")));
    if (!assessment.justified()) {
      assessment.belowMinimum().forEach(t -> violations.add(new Violation(RULE, "评议组“" + t.groupName() + "”",
          "平均每名申报人 " + String.format("%.1f", t.minutesPerApplicant()) + " 分钟，低于" + session.level()
              + "评审的下限 " + assessment.minimum() + " 分钟，尚无组建单位负责人对本次登记时间的书面说明")));
    }
    return violations;
  }

  /** The minimum minutes per applicant of a level, from the latest deployed {@code ReviewTimeRules} table. */
  int minimum(String level) {
    Object value = levelRules.row("ReviewTimeRules", level).map(row -> row.get("minMinutesPerApplicant")).orElse(null);
    if (value == null) {
      throw new IllegalStateException("决策表 ReviewTimeRules 没有评审级别“" + level + "”的评审时间下限");
    }
    return ((Number) value).intValue();
  }
}

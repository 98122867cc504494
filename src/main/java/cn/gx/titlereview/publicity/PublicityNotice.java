package cn.gx.titlereview.publicity;

import cn.gx.titlereview.calendar.MissingCalendarYearException;
import cn.gx.titlereview.platform.document.PdfRenderer;
import cn.gx.titlereview.platform.document.Titles;
import cn.gx.titlereview.platform.document.Workbooks;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.recheck.RecheckService;
import cn.gx.titlereview.session.ReviewSession;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * 公示公告 of one publicity round (监管方案 三（一）: 评委会组建单位应建立职称评审公示、公开制度，设立投诉举报监督电话、邮箱或地址):
 * the applicants who had passed when the round opened — a passed vote not revoked by then —, the period in dates and
 * in working days, the complaint channel, the issuing unit (评委会组建单位) and the date, which is the period's first
 * day. The list is also a workbook.
 */
@Component
public class PublicityNotice {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  static final List<String> ROUNDS = List.of("一", "二");

  /** One listed applicant: 序号, 姓名, 工作单位, 评审系列, 专业, 评审级别. */
  public record Entry(int number, String applicantNo, String name, String employer, String series, String specialty,
      String level) {
  }

  public record Notice(ReviewSession session, int round, List<String> titleLines, String body, String channel,
      List<Entry> entries, String issuer, String date, String periodText) {

    public String title() {
      return String.join("", titleLines);
    }
  }

  private final PublicityRepository publicity;
  private final PublicityPeriod period;
  private final RecheckService rechecks;
  private final PdfRenderer renderer;

  public PublicityNotice(PublicityRepository publicity, PublicityPeriod period, RecheckService rechecks,
      PdfRenderer renderer) {
    this.publicity = publicity;
    this.period = period;
    this.rechecks = rechecks;
    this.renderer = renderer;
  }

  /** The rounds opened so far, in order. */
  public List<Integer> rounds(ReviewSession session) {
    return IntStream.rangeClosed(1, ROUNDS.size()).filter(r -> publicity.round(session.id(), r).isPresent()).boxed()
        .toList();
  }

  /** The notice as PDF (the page's template, rendered on the server). */
  public byte[] pdf(Notice notice) {
    Context context = new Context();
    context.setVariable("notice", notice);
    return renderer.render("publicity-notice", context);
  }

  public Notice of(ReviewSession session, int round) {
    PublicityRepository.PublicityRound r = publicity.round(session.id(), round)
        .orElseThrow(() -> BusinessException.notFound("评审会 " + session.code() + " 尚未发布第" + round + "次公示"));
    List<Applicant> passed = rechecks.passedAsOf(session.id(),
        publicity.openedAt(session.id(), round).orElseThrow());
    List<Entry> entries = new ArrayList<>();
    for (Applicant a : passed) {
      entries.add(new Entry(entries.size() + 1, a.applicantNo(), a.name(), a.employer(), a.series(), a.specialty(),
          a.level()));
    }
    String periodText = DATE.format(r.startDate()) + "至" + DATE.format(r.endDate()) + "（" + workingDays(r) + "）";
    String ordinal = round <= ROUNDS.size() ? ROUNDS.get(round - 1) : String.valueOf(round);
    String title = "关于" + session.reviewYear() + "年度" + session.committeeName() + "评审通过人员的公示（第" + ordinal + "次）";
    String body = "经" + session.committeeName() + "评审，" + (entries.isEmpty() ? "无人" : entries.get(0).name()
        + (entries.size() > 1 ? "等 " + entries.size() + " 名同志" : " 同志")) + "通过" + session.series() + "系列"
        + session.level() + "级职称评审。根据职称评审公示制度，现将评审通过人员名单予以公示（第" + ordinal + "次公示）。公示期为"
        + periodText + "。公示期间，对公示人员如有异议，请以书面、电话或电子邮件等方式向我单位反映。反映情况应实事求是，"
        + "提供具体事实和线索；以单位名义反映的应加盖公章，以个人名义反映的应署真实姓名并留联系方式。";
    return new Notice(session, round, Titles.lines(title, session.committeeName()), body, r.channel(), entries,
        session.organisingUnit(), DATE.format(r.startDate()), periodText);
  }

  /** The list as a workbook (one sheet). */
  public byte[] workbook(Notice notice) {
    List<List<Object>> rows = notice.entries().stream().map(e -> List.<Object>of(e.number(), e.name(), e.employer(),
        e.series(), e.specialty(), e.level())).toList();
    return Workbooks.write(new Workbooks.Table("第" + notice.round() + "次公示名单",
        List.of("序号", "姓名", "工作单位", "评审系列", "专业", "评审级别"), new int[] {6, 10, 30, 10, 14, 10}, rows));
  }

  private String workingDays(PublicityRepository.PublicityRound r) {
    try {
      return "共 " + period.workingDays(r.startDate(), r.endDate()) + " 个工作日";
    } catch (MissingCalendarYearException e) {
      return "工作日数待工作日历补充后计算";
    }
  }
}

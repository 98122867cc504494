package cn.gx.titlereview.preparation;

import static cn.gx.titlereview.platform.importing.Column.optional;
import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportBatchRepository;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Replaces a session's applicant list, with the eligibility review's results, from one file: all or nothing. */
@Service
public class ApplicantImportService {

  public static final String KIND = "applicants";

  static final Column NO = required("applicantNo", "申报编号", "applicant.applicant_no");
  static final Column NAME = required("name", "姓名", "applicant.name");
  static final Column EMPLOYER = required("employer", "工作单位", "applicant.employer");
  static final Column EMPLOYER_TYPE = required("employerType", "单位性质", "applicant.employer_type");
  static final Column LEVEL = required("level", "申报级别", "applicant.level");
  static final Column SERIES = required("series", "申报系列", "applicant.series");
  static final Column SPECIALTY = required("specialty", "申报专业", "applicant.specialty");
  static final Column ELIGIBILITY = optional("eligibility", "资格审查结果", "applicant.eligibility");
  static final Column REASON = optional("eligibilityReason", "不通过原因", "applicant.eligibility_reason");
  public static final List<Column> COLUMNS =
      List.of(NO, NAME, EMPLOYER, EMPLOYER_TYPE, LEVEL, SERIES, SPECIALTY, ELIGIBILITY, REASON);

  private final TableReader reader;
  private final ApplicantRepository applicants;
  private final ImportBatchRepository batches;
  private final Clock clock;

  public ApplicantImportService(TableReader reader, ApplicantRepository applicants, ImportBatchRepository batches,
      Clock clock) {
    this.reader = reader;
    this.applicants = applicants;
    this.batches = batches;
    this.clock = clock;
  }

  @Transactional
  public int replace(ReviewSession session, ImportFile file, String user) {
    if (applicants.isDrawn(session.id())) {
      throw BusinessException.conflict("评审会 " + session.code() + " 已按申报专业抽取专家，不能再整体替换申报人员名单");
    }
    List<Applicant> rows = reader.read(file, COLUMNS, NO, row -> new Applicant(0, row.text(NO), row.text(NAME),
        row.text(EMPLOYER), row.oneOf(EMPLOYER_TYPE, Applicant.EMPLOYER_TYPES), row.oneOf(LEVEL, ReviewSession.LEVELS),
        row.text(SERIES), row.text(SPECIALTY),
        row.oneOf(ELIGIBILITY, List.of(Applicant.ELIGIBLE, Applicant.INELIGIBLE)), row.text(REASON)));
    applicants.replaceAll(session.id(), rows);
    batches.record(session.id(), KIND, file, rows.size(), user, clock.instant());
    return rows.size();
  }
}

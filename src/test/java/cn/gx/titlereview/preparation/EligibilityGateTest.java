package cn.gx.titlereview.preparation;

import static cn.gx.titlereview.support.TestData.context;
import static cn.gx.titlereview.support.TestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.workflow.gate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class EligibilityGateTest {

  @Autowired TestData data;
  @Autowired ApplicantImportService imports;
  @Autowired EligibilityGate gate;

  private final List<Map<String, Object>> rows = new ArrayList<>(List.of(
      applicant("SB01", "正高", "工程", "通过", null),
      applicant("SB02", "正高", "工程", "不通过", "论文不符合要求")));

  @Test
  void holdsWhenEveryApplicantHasAResultWithinTheCommitteesScope() {
    assertThat(check(rows)).isEmpty();
  }

  @Test
  void failsWithoutApplicants() {
    ReviewSession session = data.session("正高");
    assertThat(gate.check(context(session))).extracting(Violation::finding).containsExactly("尚未导入申报人员名单");
  }

  @Test
  void failsForAnApplicantWithoutAResult() {
    rows.add(applicant("SB03", "正高", "工程", null, null));
    assertThat(check(rows)).extracting(Violation::subject, Violation::finding)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("申报人 SB03 张三", "尚未记录资格审查结果"));
  }

  @Test
  void failsForARejectionWithoutReason() {
    rows.add(applicant("SB03", "正高", "工程", "不通过", null));
    assertThat(check(rows)).extracting(Violation::finding).containsExactly("资格审查不通过，但未注明原因");
  }

  @Test
  void failsForAnEligibleApplicantOutsideTheCommitteesLevel() {
    rows.add(applicant("SB03", "副高", "工程", "通过", null));
    assertThat(check(rows)).extracting(Violation::rule, Violation::finding).containsExactly(
        org.assertj.core.groups.Tuple.tuple("评审范围", "申报级别为“副高”，超出本评委会的评审级别“正高”"));
  }

  @Test
  void failsForAnEligibleApplicantOutsideTheCommitteesSeries() {
    rows.add(applicant("SB03", "正高", "卫生", "通过", null));
    assertThat(check(rows)).extracting(Violation::finding)
        .containsExactly("申报系列为“卫生”，超出本评委会的评审系列“工程”");
  }

  @Test
  void anIneligibleApplicantOutsideTheScopeIsNoViolation() {
    rows.add(applicant("SB03", "副高", "卫生", "不通过", "不属于本评委会评审范围"));
    assertThat(check(rows)).isEmpty();
  }

  private List<Violation> check(List<Map<String, Object>> applicants) {
    ReviewSession session = data.session("正高");
    imports.replace(session, data.json(applicants), "staff1");
    return gate.check(context(session));
  }

  static Map<String, Object> applicant(String no, String level, String series, String eligibility, String reason) {
    return row("applicantNo", no, "name", "张三", "employer", "广西大学", "employerType", "体制内事业单位",
        "level", level, "series", series, "specialty", "土木工程", "eligibility", eligibility,
        "eligibilityReason", reason);
  }
}

package cn.gx.titlereview.preparation;

import static cn.gx.titlereview.preparation.EligibilityGateTest.applicant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.platform.importing.ImportException;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionFixture;
import cn.gx.titlereview.support.TestData;
import cn.gx.titlereview.support.Xlsx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ApplicantImportTest {

  @Autowired TestData data;
  @Autowired ApplicantImportService imports;
  @Autowired ApplicantRepository applicants;
  @Autowired SessionFixture fixture;

  @Test
  void importsASpreadsheetWithChineseHeaders() {
    ReviewSession session = data.session("正高");
    ImportFile file = Xlsx.of(List.of("申报编号", "姓名", "工作单位", "单位性质", "申报级别", "申报系列", "申报专业", "资格审查结果", "不通过原因"),
        List.of("SB01", "李强", "广西大学", "体制内事业单位", "正高", "工程", "土木工程", "通过", ""),
        List.of("SB02", "王芳", "广西柳工机械股份有限公司", "企业及其他", "正高", "工程", "机械工程", "不通过", "业绩不足"));
    assertThat(imports.replace(session, file, "staff1")).isEqualTo(2);
    assertThat(applicants.list(session.id())).extracting(Applicant::name, Applicant::employerType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("李强", "体制内事业单位"),
            org.assertj.core.groups.Tuple.tuple("王芳", "企业及其他"));
  }

  @Test
  void aBadRowRejectsTheWholeFileNamingRowAndColumnAndKeepsTheOldList() {
    ReviewSession session = data.session("正高");
    imports.replace(session, data.json(List.of(applicant("OLD1", "正高", "工程", "通过", null))), "staff1");
    ImportFile file = Xlsx.of(List.of("申报编号", "姓名", "工作单位", "单位性质", "申报级别", "申报系列", "申报专业"),
        List.of("SB01", "李强", "广西大学", "体制内事业单位", "正高", "工程", "土木工程"),
        List.of("SB02", "", "广西大学", "私营", "正高", "工程", "土木工程"));
    assertThatThrownBy(() -> imports.replace(session, file, "staff1"))
        .isInstanceOf(ImportException.class)
        .satisfies(e -> assertThat(((ImportException) e).problems()).containsExactly(
            "第 3 行「姓名」：不能为空",
            "第 3 行「单位性质」：应为 体制内事业单位 / 企业及其他 之一，实际为“私营”"));
    assertThat(applicants.list(session.id())).extracting(Applicant::applicantNo).containsExactly("OLD1");
  }

  @Test
  void theListIsFixedOnceExpertsAreDrawnForItsSpecialties() {
    ReviewSession session = fixture.sessionWithPanel();
    assertThatThrownBy(() -> imports.replace(session,
        data.json(List.of(applicant("SB01", "正高", "工程", "通过", null))), "staff1"))
        .hasMessageContaining("已按申报专业抽取专家，不能再整体替换申报人员名单");
    assertThat(applicants.count(session.id())).isEqualTo(5);
  }

  @Test
  void aSpreadsheetWithoutARequiredColumnIsRejected() {
    ReviewSession session = data.session("正高");
    ImportFile file = Xlsx.of(List.of("申报编号", "姓名"), List.of("SB01", "李强"));
    assertThatThrownBy(() -> imports.replace(session, file, "staff1"))
        .hasMessageContaining("第 1 行（表头）：缺少列「工作单位」");
  }

  @Test
  void duplicateNumbersAndBrokenJsonAreRejected() {
    ReviewSession session = data.session("正高");
    assertThatThrownBy(() -> imports.replace(session, data.json(List.of(
        applicant("SB01", "正高", "工程", "通过", null), applicant("SB01", "正高", "工程", "通过", null))), "staff1"))
        .hasMessageContaining("第 2 条「申报编号」：SB01 重复");
    assertThatThrownBy(() -> imports.replace(session,
        new ImportFile("x.json", "{\"not\": \"an array\"".getBytes(StandardCharsets.UTF_8)), "staff1"))
        .hasMessageContaining("既不是 .xlsx 也不是有效的 JSON");
    assertThat(applicants.count(session.id())).isZero();
  }
}

package cn.gx.titlereview.oversight;

import static cn.gx.titlereview.platform.importing.Column.optional;
import static cn.gx.titlereview.platform.importing.Column.required;

import cn.gx.titlereview.oversight.OversightRepository.PastYear;
import cn.gx.titlereview.platform.importing.Column;
import cn.gx.titlereview.platform.importing.ImportFile;
import cn.gx.titlereview.platform.importing.ImportRow;
import cn.gx.titlereview.platform.importing.TableReader;
import cn.gx.titlereview.region.Committee;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 历年数据导入: committee-year figures of the years before the system, so that comparisons work from the first season.
 * All or nothing: every row is checked and each bad one named; a committee-year that has sessions in the system is
 * refused (its figures come from them), one imported before is replaced.
 */
@Service
class PastYears {

  static final Column COMMITTEE = required("committeeCode", "评委会编码", "committee.code");
  static final Column YEAR = required("year", "年度");
  static final Column LEVEL = required("level", "级别", "oversight_past_year.level");
  static final Column SERIES = required("series", "系列", "oversight_past_year.series");
  static final Column APPLICANTS = required("applicants", "申报人数");
  static final Column PASSED = required("passed", "通过人数");
  static final Column PASSED_PUBLIC = optional("passedPublicSector", "体制内事业单位通过人数");
  static final Column PASSED_ENTERPRISE = optional("passedEnterprise", "企业及其他通过人数");
  static final List<Column> COLUMNS = List.of(COMMITTEE, YEAR, LEVEL, SERIES, APPLICANTS, PASSED, PASSED_PUBLIC,
      PASSED_ENTERPRISE);
  static final int FIRST_YEAR = 1980;

  private final TableReader reader;
  private final OversightRepository repository;
  private final OversightScope scope;
  private final cn.gx.titlereview.region.Jurisdiction jurisdiction;
  private final Clock clock;

  PastYears(TableReader reader, OversightRepository repository, OversightScope scope,
      cn.gx.titlereview.region.Jurisdiction jurisdiction, Clock clock) {
    this.reader = reader;
    this.repository = repository;
    this.scope = scope;
    this.jurisdiction = jurisdiction;
    this.clock = clock;
  }

  /** Imports the file's rows, all or none; returns how many. */
  @Transactional
  public int importFile(ImportFile file) {
    Set<Long> mine = scope.ids(scope.committees(null, null, null));
    int thisYear = LocalDate.now(clock).getYear();
    Set<String> seen = new HashSet<>();
    List<PastYear> rows = reader.read(file, COLUMNS, row -> {
      String code = row.text(COMMITTEE);
      Committee committee = code == null ? null : jurisdiction.region().committee(code).orElse(null);
      if (code != null && committee == null) {
        row.problem(COMMITTEE, "评委会 " + code + " 不存在");
      } else if (committee != null && !mine.contains(committee.id())) {
        row.problem(COMMITTEE, "评委会“" + committee.name() + "”不在本单位监管范围内");
        committee = null;
      }
      Integer year = row.integer(YEAR);
      if (year != null && (year < FIRST_YEAR || year > thisYear)) {
        row.problem(YEAR, "应在 " + FIRST_YEAR + " 至 " + thisYear + " 之间");
        year = null;
      }
      String level = row.oneOf(LEVEL, Committee.LEVELS);
      String series = row.text(SERIES);
      Integer applicants = count(row, APPLICANTS);
      Integer passed = count(row, PASSED);
      Integer passedPublic = count(row, PASSED_PUBLIC);
      Integer passedEnterprise = count(row, PASSED_ENTERPRISE);
      if (applicants != null && passed != null && passed > applicants) {
        row.problem(PASSED, "通过人数 " + passed + " 大于申报人数 " + applicants);
      }
      if (passed != null && passedPublic != null && passedEnterprise != null
          && passedPublic + passedEnterprise != passed) {
        row.problem(PASSED_PUBLIC, "体制内事业单位 " + passedPublic + " 人与企业及其他 " + passedEnterprise
            + " 人之和应等于通过人数 " + passed);
      }
      if (committee != null && year != null) {
        if (!seen.add(committee.code() + "/" + year)) {
          row.problem(YEAR, "评委会 " + committee.code() + " 的 " + year + " 年在文件中重复");
        } else if (repository.hasSessions(committee.id(), year)) {
          row.problem(YEAR, "评委会 " + committee.code() + " 的 " + year + " 年已有系统内的评审会，数据以系统为准，不能导入");
        }
      }
      return committee == null || year == null ? null : new PastYear(committee.id(), year, level, series,
          Objects.requireNonNullElse(applicants, 0), Objects.requireNonNullElse(passed, 0), passedPublic,
          passedEnterprise);
    });
    repository.savePastYears(rows, file.fileName(), file.sha256(), scope.user(), clock.instant());
    return rows.size();
  }

  private static Integer count(ImportRow row, Column column) {
    Integer value = row.integer(column);
    if (value != null && value < 0) {
      row.problem(column, "不能为负数，实际为 " + value);
      return null;
    }
    return value;
  }
}

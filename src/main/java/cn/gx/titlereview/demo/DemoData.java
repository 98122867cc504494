package cn.gx.titlereview.demo;

import cn.gx.titlereview.preparation.Applicant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic, reproducible data set for a session: applicants of an engineering committee with their employers
 * and eligibility results, and an expert roster spread over the same specialties. Same seed, same data.
 */
public final class DemoData {

  static final List<String> SPECIALTIES = List.of("土木工程", "电气工程", "机械工程", "计算机技术", "化学工程");
  private static final String SURNAMES = "李王张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦覃蒙";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志宁海";
  private static final List<String> INSTITUTIONS = List.of("广西大学", "广西壮族自治区建筑科学研究设计院",
      "广西电力职业技术学院", "南宁市市政工程设计院", "桂林理工大学", "广西交通设计集团有限公司");
  private static final List<String> ENTERPRISES = List.of("广西建工集团有限责任公司", "广西柳工机械股份有限公司",
      "南宁富桂精密工业有限公司", "广西北部湾港股份有限公司", "上汽通用五菱汽车股份有限公司");
  /** Experts mostly come from units with no applicants, so that every group has readers without a conflict. */
  private static final List<String> EXPERT_UNITS = List.of("广西科学院", "广西工程技术研究院", "华南理工大学",
      "中南大学", "广西民族大学", "广西水利电力勘测设计研究院", "中国电建集团广西工程局", "广西计算中心",
      "广西化工研究院", "桂林电子科技大学");

  private DemoData() {
  }

  /** Applicants as the import's JSON rows; every tenth fails eligibility with a reason. */
  public static List<Map<String, Object>> applicants(String level, String series, int count, long seed) {
    Random random = new Random(seed);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      boolean institution = random.nextInt(100) < 55;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("applicantNo", String.format("SB%04d", i));
      row.put("name", name(random));
      row.put("employer", pick(random, institution ? INSTITUTIONS : ENTERPRISES));
      row.put("employerType", institution ? Applicant.PUBLIC_INSTITUTION : Applicant.ENTERPRISE_AND_OTHER);
      row.put("level", level);
      row.put("series", series);
      row.put("specialty", SPECIALTIES.get(i % SPECIALTIES.size()));
      boolean eligible = i % 10 != 0;
      row.put("eligibility", eligible ? Applicant.ELIGIBLE : Applicant.INELIGIBLE);
      row.put("eligibilityReason", eligible ? null : "任现职年限不足5年");
      rows.add(row);
    }
    return rows;
  }

  /** An expert roster as the import's JSON rows, evenly over the specialties; every 40th is suspended. */
  public static List<Map<String, Object>> roster(int count, long seed) {
    Random random = new Random(seed);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("expertCode", String.format("ZJ%06d", i));
      row.put("name", name(random));
      row.put("employer", pick(random, random.nextInt(10) == 0 ? INSTITUTIONS : EXPERT_UNITS));
      row.put("specialty", SPECIALTIES.get(i % SPECIALTIES.size()));
      row.put("title", random.nextInt(3) == 0 ? "正高级工程师" : "教授级高级工程师");
      row.put("phone", String.format("1387710%04d", i % 10000));
      row.put("status", i % 40 == 0 ? "暂停" : "在库");
      rows.add(row);
    }
    return rows;
  }

  private static String name(Random random) {
    return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
        + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
  }

  private static String pick(Random random, List<String> options) {
    return options.get(random.nextInt(options.size()));
  }
}

package cn.gx.titlereview.preparation;

import java.util.List;

/** An applicant (申报人) of a session, with the eligibility review's result. */
public record Applicant(long id, String applicantNo, String name, String employer, String employerType, String level,
    String series, String specialty, String eligibility, String eligibilityReason) {

  public static final String PUBLIC_INSTITUTION = "体制内事业单位";
  public static final String ENTERPRISE_AND_OTHER = "企业及其他";
  public static final List<String> EMPLOYER_TYPES = List.of(PUBLIC_INSTITUTION, ENTERPRISE_AND_OTHER);
  public static final String ELIGIBLE = "通过";
  public static final String INELIGIBLE = "不通过";

  public boolean eligible() {
    return ELIGIBLE.equals(eligibility);
  }

  /** How the record and the violations name an applicant. */
  public String label() {
    return "申报人 " + applicantNo + " " + name;
  }
}

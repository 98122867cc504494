package cn.gx.titlereview.oversight;

/**
 * A committee's figures for one year: summed over its sessions from the read model, or imported (「导入」, years
 * before the system: then sessions is 0 and the split of applicants by employer type is unknown). Pass rates count
 * only sessions with results ({@code applicants} are those).
 */
record YearFigures(long committeeId, int year, String level, String series, int sessions, int allApplicants,
    int applicants, int passed, Integer applicantsPublic, Integer passedPublic, Integer applicantsEnterprise,
    Integer passedEnterprise, int recheckProblems, int complaintsReceived, int complaintsVerified, int gateFailures,
    int gatesUnrectified, int noItems, boolean imported) {

  static final String IMPORTED = "导入";

  String rate() {
    return rate(passed, applicants);
  }

  /** The rate, or for an import (which gives the passed split only) the number passed. */
  String ratePublic() {
    return split(passedPublic, applicantsPublic);
  }

  String rateEnterprise() {
    return split(passedEnterprise, applicantsEnterprise);
  }

  private static String split(Integer passed, Integer applicants) {
    return passed == null ? "—" : applicants == null ? "通过 " + passed + " 人" : rate(passed, applicants);
  }

  String recheckRatio() {
    return imported ? "—" : rate(recheckProblems, passed);
  }

  /** 「导入」 after imported figures, nothing after computed ones. */
  String mark() {
    return imported ? IMPORTED : "";
  }

  static String rate(int part, int whole) {
    return whole == 0 ? "—" : Funnel.percent((double) part / whole);
  }
}

package cn.gx.titlereview.review;

/**
 * 职称评审管理暂行规定（人社部令第40号）: an applicant passes when the yes votes reach the pass fraction (2/3) of the
 * experts present and voting; the vote counts only when the experts present reach the quorum fraction (2/3) of the
 * committee. An optional pass-rate ceiling raises a warning the unit head must answer (监管方案 二（一）3：是否合理设置
 * 评审通过率). The values come from the DMN table {@code VoteRules} (bpmn/VoteRules.dmn), by level; fractions are
 * compared in integers, so that exactly two thirds passes and no rounding lets one vote short pass.
 */
record VoteRule(int passNumerator, int passDenominator, int quorumNumerator, int quorumDenominator,
    Integer passRateCeiling) {

  /** The national rule, the table's default row: no pass-rate ceiling. */
  public static final VoteRule TWO_THIRDS = new VoteRule(2, 3, 2, 3, null);

  /** Whether passed of applicants exceeds the optional ceiling (percent), which calls for a written justification. */
  public boolean aboveCeiling(long passed, long applicants) {
    return passRateCeiling != null && applicants > 0 && passed * 100 > (long) passRateCeiling * applicants;
  }

  public boolean passes(int yes, int votersPresent) {
    return votersPresent > 0 && (long) passDenominator * yes >= (long) passNumerator * votersPresent;
  }

  public boolean quorate(int present, int committeeSize) {
    return present > 0 && (long) quorumDenominator * present >= (long) quorumNumerator * committeeSize;
  }

  public String passText() {
    return passNumerator + "/" + passDenominator;
  }

  public String quorumText() {
    return quorumNumerator + "/" + quorumDenominator;
  }
}

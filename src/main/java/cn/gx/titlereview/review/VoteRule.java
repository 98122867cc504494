package cn.gx.titlereview.review;

/**
 * 职称评审管理暂行规定（人社部令第40号）: an applicant passes when the yes votes reach two thirds of the experts
 * present. Counted in integers, so that exactly two thirds passes and no rounding can let one vote short pass.
 */
public final class VoteRule {

  private VoteRule() {
  }

  public static boolean passes(int yes, int votersPresent) {
    return votersPresent > 0 && 3L * yes >= 2L * votersPresent;
  }
}

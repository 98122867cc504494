package cn.gx.titlereview.oversight;

/**
 * Funnel-plot control limits for a pass rate (监管方案 二（一）3: 是否合理设置评审通过率). Around the peers' rate p, a
 * committee with n applicants is expected to pass p·n give or take chance; the limits at n are the normal approximation
 * of the binomial, p ± z·√(p(1−p)/n), with z = 1.959964 for 95 % and z = 3.090232 for 99.8 % (two-sided), held within
 * 0 and 1. Outside 99.8 % is 「通过率异常」, outside 95 % 「关注」; a committee with fewer applicants than the minimum is
 * never flagged (docs/oversight.md states the method and its worked example).
 */
final class Funnel {

  static final double Z95 = 1.959964;
  static final double Z998 = 3.090232;

  /** A flag: evidence for an inspection, not a verdict. */
  enum Flag {
    ABNORMAL("通过率异常"), WATCH("关注");

    final String label;

    Flag(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The limits at n around p, as fractions. */
  record Limits(double target, int applicants, double lower95, double upper95, double lower998, double upper998) {

    /** The flag of {@code passed} of these applicants, or null inside the 95 % limits or below the minimum. */
    Flag flag(int passed, int minApplicants) {
      if (applicants < minApplicants || applicants == 0) {
        return null;
      }
      double rate = (double) passed / applicants;
      if (rate < lower998 || rate > upper998) {
        return Flag.ABNORMAL;
      }
      return rate < lower95 || rate > upper95 ? Flag.WATCH : null;
    }
  }

  private Funnel() {
  }

  static Limits limits(double target, int applicants) {
    double se = applicants == 0 ? 0 : Math.sqrt(target * (1 - target) / applicants);
    return new Limits(target, applicants, clamp(target - Z95 * se), clamp(target + Z95 * se),
        clamp(target - Z998 * se), clamp(target + Z998 * se));
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }

  /** A fraction as a percentage with one decimal, e.g. 0.6 → 60.0%. */
  static String percent(double fraction) {
    return String.format("%.1f%%", fraction * 100);
  }
}

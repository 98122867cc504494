package cn.gx.titlereview.recheck;

/** One rechecker's finding on one passed applicant; round 1 and 2 are two different people. */
public record RecheckFinding(long applicantId, int round, boolean problem, String note, String recordedBy,
    String disposition) {

  public static final String REVOKED = "REVOKED";
  public static final String CONFIRMED = "CONFIRMED";
}

package cn.gx.titlereview.review;

import java.time.Instant;

/** A proposed change of one applicant's vote counts after the vote closed, and the supervisor's decision. */
public record VoteAmendment(long id, long applicantId, String applicantNo, int votersPresent, int yes, int no,
    int abstain, String reason, String proposedBy, Instant proposedAt, String status, String decidedBy,
    String decisionNote) {

  public static final String PROPOSED = "PROPOSED";
  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";
}

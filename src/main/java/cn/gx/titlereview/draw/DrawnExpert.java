package cn.gx.titlereview.draw;

import java.time.Instant;

/** A drawn expert (confidential: names go only to the session's staff and the supervisors). */
public record DrawnExpert(long expertId, String expertCode, String name, String employer, String specialty,
    int drawOrder, String role, String response, String declineReason, Instant notifiedAt, String notifiedBy,
    String replacesExpertCode) {

  public static final String MEMBER = "MEMBER";
  public static final String RESERVE = "RESERVE";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String DECLINED = "DECLINED";

  /** A member who has not declined: attending, or not yet answered. */
  public boolean activeMember() {
    return MEMBER.equals(role) && !DECLINED.equals(response);
  }

  public boolean attending() {
    return MEMBER.equals(role) && ACCEPTED.equals(response);
  }

  public String label() {
    return "专家 " + expertCode + " " + name;
  }
}

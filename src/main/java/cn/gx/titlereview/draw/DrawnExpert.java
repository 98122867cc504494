package cn.gx.titlereview.draw;

import java.time.Instant;
import java.util.List;

/** A drawn expert (confidential: names go only to the session's staff and the supervisors). */
public record DrawnExpert(long expertId, String expertCode, String name, String employer, String specialty,
    int drawOrder, String role, String response, String declineReason, Instant notifiedAt, String notifiedBy,
    String replacesExpertCode, String responseSource) {

  public static final String MEMBER = "MEMBER";
  public static final String RESERVE = "RESERVE";
  public static final String ACCEPTED = "ACCEPTED";
  public static final String DECLINED = "DECLINED";
  /** The expert answered himself, through his one-time link. */
  public static final String BY_EXPERT = "SELF";
  /** Staff typed in what the expert told them (工作人员代填). */
  public static final String BY_STAFF = "STAFF";

  /** A member who has not declined: attending, or not yet answered. */
  public boolean activeMember() {
    return MEMBER.equals(role) && !DECLINED.equals(response);
  }

  public boolean attending() {
    return MEMBER.equals(role) && ACCEPTED.equals(response);
  }

  public boolean answeredHimself() {
    return BY_EXPERT.equals(responseSource);
  }

  /** Whether every drawn member's answer is registered (a draw draws at least one). */
  public static boolean allMembersAnswered(List<DrawnExpert> drawn) {
    return !drawn.isEmpty() && drawn.stream().filter(e -> MEMBER.equals(e.role())).allMatch(e -> e.response() != null);
  }

  /** Who recorded the answer, as the draw record shows it. */
  public String answeredBy() {
    return answeredHimself() ? "本人通过链接答复" : notifiedBy + " 登记";
  }

  public String label() {
    return "专家 " + expertCode + " " + name;
  }
}

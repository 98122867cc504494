package cn.gx.titlereview.publicity;

import cn.gx.titlereview.platform.ConflictRetry;
import cn.gx.titlereview.platform.importing.ColumnWidths;
import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.publicity.PublicityRepository.Complaint;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Complaints (信访件) received during publicity, and their verification by the supervisor. */
@RestController
@RequestMapping("/api/sessions/{code}/complaints")
class ComplaintController {

  public record NewComplaint(String channel, String applicantNo, String content) {
  }

  public record Verification(Boolean substantiated, String finding, String action) {
  }

  private final SessionAccess access;
  private final PublicityRepository publicity;
  private final ComplaintService complaints;
  private final ColumnWidths widths;
  private final ConflictRetry retry;

  ComplaintController(SessionAccess access, PublicityRepository publicity, ComplaintService complaints,
      ColumnWidths widths, ConflictRetry retry) {
    this.access = access;
    this.publicity = publicity;
    this.complaints = complaints;
    this.widths = widths;
    this.retry = retry;
  }

  /** Staff register a complaint received by phone, letter or mail; it belongs to the latest round opened. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Received receive(@PathVariable String code, @RequestBody NewComplaint complaint) {
    ReviewSession session = access.forStaff(code);
    if (complaint.channel() == null || complaint.channel().isBlank()) {
      throw BusinessException.badRequest("请填写收件渠道 channel（电话、信件、邮箱等）");
    }
    if (complaint.content() == null || complaint.content().isBlank()) {
      throw BusinessException.badRequest("请填写信访内容 content");
    }
    widths.require(complaint.channel().trim(), "complaint.channel", "收件渠道 channel");
    widths.require(complaint.applicantNo(), "complaint.applicant_no", "申报编号 applicantNo");
    widths.require(complaint.content().trim(), "complaint.content", "信访内容 content");
    long id = retry.run(() -> complaints.receive(session, complaint.channel().trim(), complaint.applicantNo(),
        complaint.content().trim(), access.userId()));
    return new Received(id, publicity.latestRound(session.id()).orElse(0));
  }

  /** The complaint registered, in the publicity round it came in (0 before the first). */
  public record Received(long id, int round) {
  }

  /** The supervisor's verification was recorded. */
  public record Verified(long id, boolean verified) {
  }

  @GetMapping
  public List<Complaint> list(@PathVariable String code) {
    return publicity.complaints(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER).id());
  }

  @PostMapping("/{id}/verification")
  public Verified verify(@PathVariable String code, @PathVariable long id,
      @RequestBody Verification verification) {
    ReviewSession session = access.forWrite(code, Groups.SUPERVISOR);
    if (verification.substantiated() == null) {
      throw BusinessException.badRequest("请填写核查结论 substantiated（true 属实 / false 不属实）");
    }
    if (verification.finding() == null || verification.finding().isBlank()) {
      throw BusinessException.badRequest("请填写核查情况 finding");
    }
    try {
      complaints.verify(session, id, verification.substantiated(), verification.finding().trim(),
          verification.action(), access.userId());
    } catch (IllegalArgumentException e) {
      throw BusinessException.notFound(e.getMessage());
    }
    return new Verified(id, true);
  }
}

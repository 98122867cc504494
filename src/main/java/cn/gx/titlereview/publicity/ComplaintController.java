package cn.gx.titlereview.publicity;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.publicity.PublicityRepository.Complaint;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
public class ComplaintController {

  public record NewComplaint(String channel, String applicantNo, String content) {
  }

  public record Verification(Boolean substantiated, String finding, String action) {
  }

  private final SessionAccess access;
  private final PublicityRepository publicity;
  private final Clock clock;

  public ComplaintController(SessionAccess access, PublicityRepository publicity, Clock clock) {
    this.access = access;
    this.publicity = publicity;
    this.clock = clock;
  }

  /** Staff register a complaint received by phone, letter or mail; it belongs to the latest round opened. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> receive(@PathVariable String code, @RequestBody NewComplaint complaint) {
    ReviewSession session = access.forStaff(code);
    if (complaint.channel() == null || complaint.channel().isBlank()) {
      throw BusinessException.badRequest("请填写收件渠道 channel（电话、信件、邮箱等）");
    }
    if (complaint.content() == null || complaint.content().isBlank()) {
      throw BusinessException.badRequest("请填写信访内容 content");
    }
    Integer round = publicity.latestRound(session.id()).orElse(null);
    long id = publicity.addComplaint(session.id(), round, complaint.channel().trim(), complaint.applicantNo(),
        complaint.content().trim(), access.userId(), clock.instant());
    return Map.of("id", id, "round", round == null ? 0 : round);
  }

  @GetMapping
  public List<Complaint> list(@PathVariable String code) {
    return publicity.complaints(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER).id());
  }

  @PostMapping("/{id}/verification")
  public Map<String, Object> verify(@PathVariable String code, @PathVariable long id,
      @RequestBody Verification verification) {
    ReviewSession session = access.forGroups(code, Groups.SUPERVISOR);
    if (verification.substantiated() == null) {
      throw BusinessException.badRequest("请填写核查结论 substantiated（true 属实 / false 不属实）");
    }
    if (verification.finding() == null || verification.finding().isBlank()) {
      throw BusinessException.badRequest("请填写核查情况 finding");
    }
    if (publicity.verify(session.id(), id, verification.substantiated(), verification.finding().trim(),
        verification.action(), access.userId(), clock.instant()) == 0) {
      throw BusinessException.notFound("信访件 " + id + " 不属于评审会 " + code);
    }
    return Map.of("id", id, "verified", true);
  }
}

package cn.gx.titlereview.review;

import cn.gx.titlereview.platform.security.Groups;
import cn.gx.titlereview.review.VoteAmendmentService.Proposal;
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

@RestController
@RequestMapping("/api/sessions/{code}/vote-amendments")
class VoteAmendmentController {

  public record Decision(Boolean approve, String note) {
  }

  private final SessionAccess access;
  private final VoteAmendmentService service;
  private final VoteAmendmentRepository amendments;

  VoteAmendmentController(SessionAccess access, VoteAmendmentService service,
      VoteAmendmentRepository amendments) {
    this.access = access;
    this.service = service;
    this.amendments = amendments;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public Proposed propose(@PathVariable String code, @RequestBody Proposal proposal) {
    ReviewSession session = access.forStaff(code);
    return new Proposed(service.propose(session, proposal, access.userId()));
  }

  /** The amendment proposed, awaiting the supervisor's decision. */
  public record Proposed(long id) {
  }

  /** The supervisor's decision on an amendment. */
  public record Decided(long id, boolean approved) {
  }

  @PostMapping("/{id}/decision")
  public Decided decide(@PathVariable String code, @PathVariable long id, @RequestBody Decision decision) {
    ReviewSession session = access.forWrite(code, Groups.SUPERVISOR);
    service.decide(session, id, Boolean.TRUE.equals(decision.approve()), decision.note(), access.userId());
    return new Decided(id, Boolean.TRUE.equals(decision.approve()));
  }

  @GetMapping
  public List<VoteAmendment> list(@PathVariable String code) {
    return amendments.list(access.forGroups(code, Groups.STAFF, Groups.SUPERVISOR, Groups.APPROVER).id());
  }
}

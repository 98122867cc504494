package cn.gx.titlereview.publicity;

import cn.gx.titlereview.inspection.ComplaintClues;
import cn.gx.titlereview.platform.security.SystemAuthority;
import cn.gx.titlereview.preparation.Applicant;
import cn.gx.titlereview.preparation.ApplicantRepository;
import cn.gx.titlereview.recheck.RecheckRepository;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.gate.Violation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (信访件): each is stored, then handed to the engine as a message. During an open publicity round it
 * opens a verification task in that round ({@code Message_ComplaintReceived}); outside a round, while the session
 * runs, in the main process ({@code Message_LateComplaintReceived}). A session is not signed nor confirmed while a
 * complaint awaits verification ({@link #unverified}); once closed, it takes no complaint (a complaint about a
 * confirmed session is a clue for an inspection, 复查 or 倒查). A complaint is never lost.
 */
@Service
public class ComplaintService {

  static final String IN_ROUND = "Message_ComplaintReceived";
  static final String OUTSIDE_ROUND = "Message_LateComplaintReceived";

  private final PublicityRepository publicity;
  private final ApplicantRepository applicants;
  private final RecheckRepository rechecks;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;
  private final Clock clock;
  private final ComplaintClues clues;

  public ComplaintService(PublicityRepository publicity, ApplicantRepository applicants, RecheckRepository rechecks,
      RuntimeService runtimeService, SystemAuthority system, Clock clock, ComplaintClues clues) {
    this.publicity = publicity;
    this.applicants = applicants;
    this.rechecks = rechecks;
    this.runtimeService = runtimeService;
    this.system = system;
    this.clock = clock;
    this.clues = clues;
  }

  @Transactional
  public long receive(ReviewSession session, String channel, String applicantNo, String content, String user) {
    Integer round = publicity.latestRound(session.id()).orElse(null);
    long id = publicity.addComplaint(session.id(), round, channel, applicantNo, content, user, clock.instant());
    Map<String, Object> variables = Map.of("complaintId", id, "complaintApplicantNo",
        applicantNo == null || applicantNo.isBlank() ? "—" : applicantNo);
    // The staff member may register complaints; finding the round and starting its verification is the system's
    // part, done without the caller's (narrower) engine authorizations. The complaint's id goes to the verification
    // it starts (the triggered event sub-process), not to the process instance: two complaints open at once, or
    // arriving together, each keep their own.
    system.run(() -> {
      Optional<ProcessInstance> openRound = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(session.code()).processDefinitionKey("Publicity").active().list().stream()
          .findFirst();
      if (openRound.isPresent()) {
        runtimeService.createMessageCorrelation(IN_ROUND).processInstanceId(openRound.get().getId())
            .setVariablesToTriggeredScope(variables).correlate();
      } else if (session.processInstanceId() != null && runtimeService.createProcessInstanceQuery()
          .processInstanceId(session.processInstanceId()).active().count() > 0) {
        runtimeService.createMessageCorrelation(OUTSIDE_ROUND).processInstanceId(session.processInstanceId())
            .setVariablesToTriggeredScope(variables).correlate();
      }
    });
    clues.onComplaint(session);
    return id;
  }

  /** 信访件核查 before signing and before the results are confirmed: every complaint of the session is verified. */
  public List<Violation> unverified(long sessionId) {
    return publicity.complaints(sessionId).stream().filter(c -> !c.verified())
        .map(c -> new Violation("信访件核查", "信访件 " + c.id() + (c.applicantNo() == null ? ""
            : "（涉及申报人 " + c.applicantNo() + "）"), "尚未核查：结果确认前须核查每一件信访件")).toList();
  }

  /**
   * The supervisor's verification. A substantiated complaint against an applicant puts that applicant's result
   * back to recheck: a recheck problem (round 0) that needs a disposition before publicity can end.
   */
  @Transactional
  public void verify(ReviewSession session, long complaintId, boolean substantiated, String finding, String action,
      String user) {
    if (publicity.verify(session.id(), complaintId, substantiated, finding, action, user, clock.instant()) == 0) {
      throw new IllegalArgumentException("信访件 " + complaintId + " 不属于评审会 " + session.code());
    }
    PublicityRepository.Complaint complaint = publicity.complaints(session.id()).stream()
        .filter(c -> c.id() == complaintId).findFirst().orElseThrow();
    if (substantiated && complaint.applicantNo() != null) {
      applicants.list(session.id()).stream().filter(a -> a.applicantNo().equals(complaint.applicantNo()))
          .map(Applicant::id).findFirst()
          .ifPresent(applicantId -> rechecks.upsert(session.id(), applicantId, RecheckRepository.COMPLAINT_ROUND,
              true, "信访件 " + complaintId + " 反映问题属实：" + finding, user, clock.instant()));
    }
  }
}

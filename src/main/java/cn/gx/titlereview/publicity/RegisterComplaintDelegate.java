package cn.gx.titlereview.publicity;

import cn.gx.titlereview.platform.FormFields;
import cn.gx.titlereview.platform.web.BusinessException;
import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.session.SessionAccess;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The Tasklist way to register a complaint received by phone, letter, mail or visit: same checks as the API. */
@Component("registerComplaint")
class RegisterComplaintDelegate implements JavaDelegate {

  private final ComplaintService complaints;
  private final SessionAccess access;

  RegisterComplaintDelegate(ComplaintService complaints, SessionAccess access) {
    this.complaints = complaints;
    this.access = access;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = FormFields.required(execution, "complaintSessionCode", "评审会编号");
    String channel = FormFields.required(execution, "complaintChannel", "收件渠道");
    String content = FormFields.required(execution, "complaintContent", "信访内容");
    String applicantNo = FormFields.optional(execution, "complaintApplicantNo");
    try {
      ReviewSession session = access.forStaff(code);
      long id = complaints.receive(session, channel, applicantNo, content, access.userId());
      execution.setProcessBusinessKey(code);
      execution.setVariable("complaintId", id);
      execution.removeVariable("complaintContent");
    } catch (BusinessException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

}

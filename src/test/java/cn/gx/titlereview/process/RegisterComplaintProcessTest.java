package cn.gx.titlereview.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

@Deployment(resources = "bpmn/RegisterComplaint.bpmn")
class RegisterComplaintProcessTest extends ProcessTest {

  @Test
  void aComplaintTakenByPhoneIsRegisteredAtOnce() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey("RegisterComplaint",
        Map.of("complaintSessionCode", "T-1", "complaintChannel", "电话", "complaintContent", "反映问题"));
    assertThat(instance).isEnded().hasPassed("Task_RegisterComplaint").variables().containsEntry("complaintId", 1L);
  }
}

package cn.gx.titlereview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import cn.gx.titlereview.support.IntegrationTest;
import cn.gx.titlereview.support.SessionWalk;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An expected refusal is one INFO line, not an ENGINE-16004 error with a stack trace; a real error stays ERROR. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogFilterTest {

  @Autowired RefusalLogFilter filter;
  @Autowired SessionWalk walk;

  private final Logger engineContext = new LoggerContext().getLogger(RefusalLogFilter.ENGINE_CONTEXT);

  @Test
  void aWrappedRefusalIsDeniedAtErrorAndARealErrorIsNot() {
    ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking "
        + "the TaskListener", new BadUserRequestException("请勾选确认框"));
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}", new Object[] {"x", wrapped}, null))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(null, engineContext, Level.ERROR, "ENGINE-16004 {}",
        new Object[] {"x", new IllegalStateException("数据库连接中断")}, null)).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, new LoggerContext().getLogger("other"), Level.ERROR, "x", null, wrapped))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void aTaskCompletionRefusedByItsListenerLeavesNoErrorInTheLog(CapturedOutput output) {
    String code = "LOG-" + System.nanoTime();
    walk.start(code, "staff4");
    walk.complete(code, "staff1", "Task_ReviewEligibility", "eligibilityReviewDone", true);
    try {
      // 整改：资格审查 without its note: the attestation listener refuses the completion.
      walk.complete(code, "staff1", "Task_RectifyEligibility");
    } catch (RuntimeException expected) {
      assertThat(expected).hasRootCauseInstanceOf(BadUserRequestException.class);
    }
    assertThat(output.getOut() + output.getErr()).doesNotContain("ENGINE-16004").contains("已拒绝的请求");
  }
}

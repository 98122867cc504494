package cn.gx.titlereview.workflow.gate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gx.titlereview.session.ReviewSession;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A rectification task shows what fits and sends the reader to the session's page for the rest, never to the API. */
class GateMessageTest {

  private final Gate gate = new Gate() {
    @Override
    public String key() {
      return "eligibility";
    }

    @Override
    public String name() {
      return "合规检查：资格审查";
    }

    @Override
    public String ruleVersion() {
      return "v1";
    }

    @Override
    public List<Violation> check(GateContext context) {
      return List.of();
    }
  };
  private final ReviewSession session = new ReviewSession(1, "MSG-1", "测试评委会", "正高", "工程", 2026, "单位", "核准",
      false, LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3), null, 1);

  @Test
  void aLongListEndsWithTheGateHistoryPage() {
    List<Violation> many = IntStream.rangeClosed(1, 500)
        .mapToObj(i -> new Violation("资格审查", "申报人 SB" + i, "未通过资格审查，却进入了评审")).toList();
    String message = RunGateDelegate.message(gate, session, many);
    assertThat(message).startsWith("合规检查：资格审查未通过，共 500 项问题：\n1. 【资格审查】申报人 SB1：")
        .endsWith("完整列表见本评审会的“合规检查记录”页面（/sessions/MSG-1/gates）").doesNotContain("/api/");
  }

  @Test
  void aShortListIsShownWhole() {
    String message = RunGateDelegate.message(gate, session,
        List.of(new Violation("资格审查", "评审会 MSG-1", "尚未导入申报人员名单")));
    assertThat(message).isEqualTo("合规检查：资格审查未通过，共 1 项问题：\n1. 【资格审查】评审会 MSG-1：尚未导入申报人员名单\n");
  }
}
